/** The tag of our one shadow host on the console page (tests find the UI by it). */
export const CONSOLE_UI_TAG = 'aem-cc-org-switcher';
