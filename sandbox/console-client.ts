/**
 * The console's own IMS client. The Assets API takes the console's calls by this id whatever
 * it answers the extension's client (`SANDBOX_CLIENT_ID`), as a private API would; the request
 * log tells the console page's calls from the extension's by it.
 */
export const CONSOLE_CLIENT_ID = 'aem-assets-console';
