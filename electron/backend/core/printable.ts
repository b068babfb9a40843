import type { PrintableFile } from '@shared/kernel/printDocument';
import type { HostServices } from './area';

/** A printed document as the host can deliver it: a PDF where it has a renderer, else the page for the browser to print. */
export async function printable(host: HostServices, fileName: string, html: string): Promise<PrintableFile> {
  if (!host.renderPdf) return { kind: 'html', fileName: `${fileName}.pdf`, html };
  const pdf = Buffer.from(await host.renderPdf(html));
  return { kind: 'pdf', fileName: `${fileName}.pdf`, base64: pdf.toString('base64'), bytes: pdf.length };
}
