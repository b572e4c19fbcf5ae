import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { ACCOUNT_TYPE_LABELS, type ScenarioUser } from '../scenario-builders';

/**
 * The HTML IMS shows in the browser: the account chooser (a real form with one button per
 * account, so it works with a keyboard and a screen reader) and error / signed-out pages.
 */

const STYLE = raw(`<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f5f5f5; color: #222; }
  main { max-width: 28rem; margin: 4rem auto; padding: 2rem; background: #fff; border-radius: 8px;
         box-shadow: 0 1px 4px rgba(0,0,0,.15); }
  h1 { font-size: 1.5rem; margin-top: 0; }
  ul { list-style: none; padding: 0; }
  li + li { margin-top: .5rem; }
  .account { display: flex; flex-direction: column; align-items: flex-start; width: 100%; padding: .75rem 1rem;
             border: 1px solid #bbb; border-radius: 6px; background: #fff; font: inherit; cursor: pointer; text-align: left; }
  .account:hover, .account:focus-visible { border-color: #1473e6; outline: 2px solid #1473e6; }
  .name { font-weight: 600; } .email, .type { color: #444; font-size: .875rem; }
  .cancel { margin-top: 1.5rem; padding: .5rem 1rem; font: inherit; }
</style>`);

function page(title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>, lang = 'en') {
  return html`<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    ${STYLE}
  </head>
  <body>
    <main>${body}</main>
  </body>
</html>`;
}

export function loginPage(requestId: string, users: readonly ScenarioUser[]) {
  // Spaces between the spans keep the button's accessible name readable:
  // "Ada Lovelace ada@acme.example Enterprise ID".
  const accounts = users.map(
    (account) => html`<li>
      <button class="account" type="submit" name="user_id" value="${account.userId}">
        <span class="name">${account.name}</span> <span class="email">${account.email}</span>
        <span class="type">${ACCOUNT_TYPE_LABELS[account.accountType]}</span>
      </button>
    </li>`,
  );
  return page(
    'Sign in – Adobe ID (sandbox)',
    html`<h1>Sign in</h1>
      <p id="choose">Choose the account to continue with.</p>
      <form method="post" action="/ims/authorize/v2/login" aria-describedby="choose">
        <input type="hidden" name="request_id" value="${requestId}" />
        <ul aria-label="Accounts">
          ${accounts}
        </ul>
        <button class="cancel" type="submit" name="cancel" value="1">Cancel</button>
      </form>`,
  );
}

export function errorPage(title: string, message: string) {
  return page(title, html`<h1>${title}</h1><p role="alert">${message}</p>`);
}

export function signedOutPage() {
  return page('Signed out', html`<h1>Signed out</h1><p>You are signed out of the sandbox's Adobe ID.</p>`);
}

/** No scripts on these pages; styles inline. Deliberately no `form-action`: it would block the redirect. */
export const PAGE_SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};
