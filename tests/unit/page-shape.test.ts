// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { describePageShape } from '@/lib/console-page/page-shape';
import { reportToMarkdown } from '@/lib/diagnostics/markdown';
import { redactPageShape } from '@/lib/diagnostics/page-shape';
import { pageShapeSchema } from '@/lib/diagnostics/page-shape-schema';
import { buildDiagnosticsReport } from '@/lib/diagnostics/report';

// The page shape a support engineer reads to fix the console profile: controls near the view,
// why detection matched or not; with no org name or id and no user name in it.

const ACME_ID = '0123456789ABCDEF01234567@AdobeOrg';

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = '';
});

function italianConsole({ connected = true, picked = 'Acme Design Studio', open = false } = {}) {
  document.documentElement.lang = 'it';
  const card = connected ? `<p><span>Acme Design Studio</span> <span>${ACME_ID}</span></p>` : '<p>Nessuna</p>';
  document.body.innerHTML = `<main><div>
    <section><h2>ID organizzazione Creative Cloud corrente</h2>${card}</section>
    <section><h2>Organizzazione Creative Cloud</h2><div>
      <span id="l">Seleziona nuovo ID organizzazione Creative Cloud</span>
      <button aria-haspopup="listbox" aria-expanded="${open}" aria-labelledby="l v"><span id="v">${picked}</span></button>
      <button disabled>Cambia organizzazione</button></div></section></div></main>`;
  if (open)
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div role="listbox"><div role="option">Acme Design Studio</div><div role="option">Ada Lovelace Org</div></div>',
    );
}

describe('the page shape of a console frame', () => {
  it('names the picker by its own label, never its picked value, and the buttons beside it', () => {
    italianConsole();
    const shape = describePageShape(document);
    expect(pageShapeSchema.safeParse(shape).success).toBe(true);
    expect(shape.detection).toMatchObject({ signal: 'structure' });
    expect(shape.pickers).toEqual([
      {
        picker: {
          role: 'button',
          name: 'Seleziona nuovo ID organizzazione Creative Cloud',
          popup: 'listbox',
          expanded: false,
        },
        nearby: [{ role: 'button', name: 'Cambia organizzazione', disabled: true }],
      },
    ]);
    expect(shape.headings).toEqual(['ID organizzazione Creative Cloud corrente', 'Organizzazione Creative Cloud']);
    expect(shape.orgIdShown).toEqual({ section: false, beside: true });
    expect(JSON.stringify(shape)).not.toContain('Acme Design Studio');
  });

  it('counts the open list’s options without copying them', () => {
    italianConsole({ open: true });
    const shape = describePageShape(document);
    expect(shape.listbox).toEqual({ open: true, options: 2 });
    expect(JSON.stringify(shape)).not.toContain('Ada Lovelace');
  });

  it('says why nothing matched: no org id by structure, and a label in no profile language', () => {
    italianConsole({ connected: false, picked: 'Seleziona' });
    const shape = describePageShape(document);
    expect(shape.detection.signal).toBe('none');
    expect(shape.detection.reason).toBe(
      "the picker label is in no profile language; structure: no org id shows in the controls' section or beside it",
    );
  });

  it('says so when the frame has no listbox picker at all', () => {
    document.body.innerHTML = '<main><h1>Assets</h1><button>Upload</button></main>';
    expect(describePageShape(document).detection).toEqual({
      signal: 'none',
      reason: 'no listbox picker (a button with aria-haspopup="listbox") in this frame',
    });
  });

  it('names the profile language when labels matched', () => {
    document.body.innerHTML = `<section><div><button aria-haspopup="listbox">Select new Creative Cloud org ID</button><button>Switch orgs</button></div></section>`;
    expect(describePageShape(document).detection).toMatchObject({ signal: 'labels', locale: 'en' });
  });
});

describe('redacting a page shape for the report', () => {
  it('replaces every org name and id and every user name the worker knows', () => {
    document.body.innerHTML = `<main><div><section><h2>Acme Design Studio ${ACME_ID}</h2><p>${ACME_ID}</p></section>
      <section><div><button aria-haspopup="listbox" aria-label="Orgs of Ada Lovelace"></button>
      <button>Switch to Acme Design Studio</button><button>Mail ada@acme.example</button></div></section></div></main>`;
    const shape = redactPageShape(describePageShape(document), {
      orgNames: ['Acme', 'Acme Design Studio'],
      userNames: ['Ada Lovelace', 'ada@acme.example'],
    });
    const text = JSON.stringify(shape);
    for (const secret of ['Acme', ACME_ID, 'Ada Lovelace', 'ada@acme.example']) expect(text).not.toContain(secret);
    expect(shape.headings).toEqual(['[org] [org id]']);
    expect(shape.pickers[0]?.picker.name).toBe('Orgs of [user]');
    expect(shape.pickers[0]?.nearby.map(({ name }) => name)).toEqual(['Switch to [org]', 'Mail [user]']);
  });

  it('goes into the report and its Markdown as a section of its own', () => {
    italianConsole();
    const frame = redactPageShape(describePageShape(document), { orgNames: ['Acme Design Studio'], userNames: [] });
    const report = buildDiagnosticsReport({
      now: new Date('2026-12-04T10:00:00Z'),
      extensionVersion: '1.0.0',
      browser: { name: 'Chrome', version: '131' },
      environment: { name: 'sandbox', endpoints: undefined, setByPolicy: false },
      readOnly: false,
      signedIn: false,
      policyProblems: [],
      consoles: [],
      pageShape: { frames: [frame], framesWithout: 1 },
      lastErrors: [],
      history: [],
    });
    const markdown = reportToMarkdown(report);
    expect(markdown).toContain('## Page shape');
    expect(markdown).toContain('- Detection: structure: ');
    expect(markdown).toContain(
      'button "Seleziona nuovo ID organizzazione Creative Cloud", haspopup=listbox, expanded=false',
    );
    expect(markdown).toContain('(1 frames without a shape)');
    expect(markdown).not.toContain('Acme Design Studio');
  });
});
