import { describe, expect, it } from 'vitest';
import { allowHostOf, mayOpenExternally } from '../../../electron/main/externalLinks';

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
});
