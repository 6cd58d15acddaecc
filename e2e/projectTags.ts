/** Tags a test that drives the server with no browser: it runs once, in the `server` project, not once per engine. */
export const NO_BROWSER = "@no-browser";
