// What the browser scripts share: Debian's Chromium, headless and offline, driven by
// playwright-core, and the search box of the pages `hero-codes` writes, typed into as a
// user would.
const { chromium } = require("playwright-core");

// A headless Chromium with its profile in `user_data_dir`, and the list it fills with
// every request that was not for a file (the pages must need nothing from a network).
async function launch(user_data_dir) {
  const context = await chromium.launchPersistentContext(user_data_dir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    offline: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  const requests = [];
  context.on("request", (request) => {
    if (!request.url().startsWith("file:")) requests.push(request.url());
  });
  return { context, requests };
}

// Types each of `queries` into `page`'s search box, key by key, after clearing it; per
// query, the codes of the rows still visible, the count line and the visible sections.
async function searchEach(page, queries) {
  const results = {};
  const search = page.locator("#search");
  for (const query of queries) {
    await search.fill("");
    await search.pressSequentially(query);
    results[query] = {
      codes: await page.$$eval("tbody tr", (rows) =>
        rows.filter((row) => row.getClientRects().length > 0).map((row) => row.cells[0].textContent)),
      count: await page.textContent("#count"),
      sections: await page.$$eval("section", (sections) =>
        sections.filter((section) => section.getClientRects().length > 0).map((section) => section.id)),
    };
  }
  return results;
}

// Runs `main`, exiting 1 with its error if it fails.
function run(main) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { launch, searchEach, run };
