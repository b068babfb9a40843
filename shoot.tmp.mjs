import { chromium } from 'playwright-core';

const url = process.argv[2];
const token = new URL(url).searchParams.get('token');
const base = url.split('?')[0].replace(/\/$/, '');
const call = async (name, input = {}) => {
  const r = await fetch(`${base}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  return r.json();
};
if (process.argv[3] === 'sample') console.log(JSON.stringify(await call('sample.load')).slice(0, 200));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
page.on('console', (m) => {
  if (m.type() === 'error') console.log('console error:', m.text());
});
page.on('pageerror', (e) => console.log('page error:', e.message));
const shots = process.argv.slice(4);
for (const s of shots) {
  const [name, hash, click] = s.split('@');
  await page.goto(`${url}${hash}`);
  await page.waitForTimeout(1500);
  if (click) {
    await page.getByText(click, { exact: false }).first().click();
    await page.waitForTimeout(1200);
  }
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
  console.log('shot', name);
}
await browser.close();
