import { describe, expect, it } from 'vitest';
import { allowHostOf, isContactLink, mayOpenExternally } from '../../../electron/main/externalLinks';

describe('links that may leave the app', () => {
  it('opens nothing by default, not even https', () => {
    expect(mayOpenExternally('https://evil.example.com/x', new Set())).toBe(false);
  });
  it('opens https links to a host typed into a record, and nothing else', () => {
    const hosts = new Set(['github.com']);
    expect(mayOpenExternally('https://github.com/acme/claims-model', hosts)).toBe(true);
    expect(mayOpenExternally('http://github.com/acme', hosts)).toBe(false);
    expect(mayOpenExternally('https://github.com.evil.example/acme', hosts)).toBe(false);
    expect(mayOpenExternally('https://user:pw@github.com/acme', hosts)).toBe(false);
    expect(mayOpenExternally('file:///etc/passwd', hosts)).toBe(false);
    expect(mayOpenExternally('javascript:alert(1)', hosts)).toBe(false);
    expect(mayOpenExternally('not a url', hosts)).toBe(false);
  });
  it('learns a host when a record area registers a link', () => {
    expect(mayOpenExternally('https://mlflow.acme.example/models/1')).toBe(false);
    allowHostOf('https://mlflow.acme.example/#/models');
    expect(mayOpenExternally('https://mlflow.acme.example/models/1')).toBe(true);
    allowHostOf('http://plain.example');
    expect(mayOpenExternally('https://plain.example/')).toBe(false);
  });
  it('lets one person be written to or called (mailto:, tel:) and nothing dressed up as one', () => {
    expect(mayOpenExternally('mailto:katrin.meier@alpenbank.example', new Set())).toBe(true);
    expect(mayOpenExternally('tel:+41%2044%20555%2001%2020', new Set())).toBe(true);
    expect(isContactLink('mailto:a@b.example?bcc=everyone@b.example')).toBe(false);
    expect(isContactLink('mailto:a@b.example,c@d.example')).toBe(false);
    expect(isContactLink('mailto:')).toBe(false);
    expect(isContactLink('tel:javascript:alert(1)')).toBe(false);
    expect(isContactLink('tel:%E0%A4%A')).toBe(false);
    expect(isContactLink('https://a.example')).toBe(false);
  });
});
