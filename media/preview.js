// @ts-check
// Renders a charter summary (the engine's CharterSummary JSON) as a readable page: first the
// leader's brief, which prints on one page, then the full charter and the author's checks,
// which stay on screen. One renderer for the VS Code preview panel and `charter summary --html`.
// The summary carries every label (status words, dates, meeting descriptions); this file only
// lays them out, plus its own headings and the words of empty sections.
//
// Safety rules (the charter is untrusted text):
// - every string from the summary is set with textContent or as an attribute value on a
//   fixed allow-list of attributes; no HTML parsing API is used anywhere in this file;
// - one URL attribute exists: the link to a rule's docs in the standalone page, built in
//   ruleDocsLink from the fixed RULE_DOCS_URL and a rule id that must look like a rule id;
// - styling is done with classes only (the pages forbid inline styles through their CSP).

/**
 * @typedef {import('../server/src/engine/summary-types').CharterSummary} CharterSummary
 * @typedef {import('../server/src/engine/summary-types').SummaryBrief} SummaryBrief
 * @typedef {import('../server/src/engine/summary-types').SummaryMilestone} SummaryMilestone
 * @typedef {import('../server/src/engine/summary-types').SummaryMeeting} SummaryMeeting
 * @typedef {import('../server/src/engine/summary-types').SummaryReview} SummaryReview
 * @typedef {import('../server/src/engine/summary-types').SummaryPartner} SummaryPartner
 * @typedef {import('../server/src/engine/summary-types').SummaryBarrier} SummaryBarrier
 * @typedef {import('../server/src/engine/summary-types').SummaryAction} SummaryAction
 * @typedef {import('../server/src/engine/summary-types').SummaryDecision} SummaryDecision
 * @typedef {import('../server/src/engine/summary-types').SummaryGoal} SummaryGoal
 * @typedef {import('../server/src/engine/summary-types').SummaryHealth} SummaryHealth
 * @typedef {import('../server/src/engine/summary-types').SummaryProblem} SummaryProblem
 * @typedef {import('../server/src/engine/summary-types').BriefList<unknown>} AnyBriefList
 *
 * @typedef {Node | string | number | null | undefined | false | ChildList} Child
 * @typedef {Child[]} ChildList
 * @typedef {Record<string, string | number | boolean | null | undefined>} Attributes
 *
 * What the page may ask the host for. In VS Code the extension announces what it handles
 * with {type: 'capabilities', actions: [...]}; the standalone page prints by itself.
 * @typedef {{ export: boolean, print: boolean, openRuleDocs: boolean }} HostActions
 *
 * @typedef {{ getState(): unknown, setState(state: unknown): void, postMessage(message: unknown): void }} VsCodeApi
 */

(function () {
  'use strict';

  /** @type {VsCodeApi | undefined} */
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  const SVG_NS = 'http://www.w3.org/2000/svg';

  /** docs/rules.md on the project's site; a test keeps it equal to the engine's RULES_DOC_URL. */
  const RULE_DOCS_URL = 'https://github.com/partnership-charter/partnership-charter/blob/main/docs/rules.md';
  const RULE_ID = /^[a-z][a-z0-9-]*$/;

  const HTML_ATTRIBUTES = new Set([
    'class', 'id', 'role', 'tabindex', 'title', 'type', 'lang', 'hidden', 'open', 'target', 'rel',
    'aria-label', 'aria-labelledby', 'aria-describedby', 'aria-hidden', 'aria-live', 'aria-busy', 'aria-expanded',
    'data-line', 'data-character', 'data-rule', 'data-target', 'data-action', 'datetime', 'scope',
  ]);
  const SVG_ATTRIBUTES = new Set([
    'class', 'role', 'aria-label', 'aria-hidden', 'focusable', 'viewBox', 'width', 'height', 'preserveAspectRatio',
    'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'd', 'points',
    'text-anchor', 'dominant-baseline', 'transform',
  ]);

  // ---- DOM helpers --------------------------------------------------------------

  /**
   * @param {Element} node
   * @param {Attributes | null} attributes
   * @param {Set<string>} allowed
   */
  function setAttributes(node, attributes, allowed) {
    if (!attributes) return;
    for (const name of Object.keys(attributes)) {
      const value = attributes[name];
      if (value === undefined || value === null || value === false) continue;
      if (!allowed.has(name)) throw new Error('attribute not allowed: ' + name);
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }

  /**
   * @param {Node} node
   * @param {ChildList} children
   */
  function append(node, children) {
    for (const child of children) {
      if (child === undefined || child === null || child === false) continue;
      if (Array.isArray(child)) append(node, child);
      else if (typeof child === 'string' || typeof child === 'number') node.appendChild(document.createTextNode(String(child)));
      else node.appendChild(child);
    }
  }

  /**
   * An HTML element; string children become text nodes.
   * @param {string} tag
   * @param {Attributes | null} attributes
   * @param {...Child} children
   * @returns {HTMLElement}
   */
  function h(tag, attributes, ...children) {
    const node = document.createElement(tag);
    setAttributes(node, attributes, HTML_ATTRIBUTES);
    append(node, children);
    return node;
  }

  /**
   * An SVG element; string children become text nodes.
   * @param {string} tag
   * @param {Attributes | null} attributes
   * @param {...Child} children
   * @returns {SVGElement}
   */
  function s(tag, attributes, ...children) {
    const node = /** @type {SVGElement} */ (document.createElementNS(SVG_NS, tag));
    setAttributes(node, attributes, SVG_ATTRIBUTES);
    append(node, children);
    return node;
  }

  // ---- Reading the summary defensively (it may come from anywhere) -------------------------

  /** @param {unknown} value */
  function text(value) {
    if (typeof value === 'string') return value.trim();
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return '';
  }

  /**
   * @template T
   * @param {T[] | undefined | null} value
   * @returns {T[]}
   */
  function list(value) {
    return Array.isArray(value) ? value : [];
  }

  /**
   * The value when it is an object, else an empty one: every field may be missing.
   * @template T
   * @param {T | undefined | null} value
   * @returns {Partial<T>}
   */
  function object(value) {
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  }

  /** @param {unknown} value */
  function count(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
  }

  /**
   * A class-name suffix from a closed set, so charter text never becomes a class.
   * @param {unknown} value
   * @param {readonly string[]} allowed
   * @param {string} fallback
   */
  function oneOf(value, allowed, fallback) {
    return typeof value === 'string' && allowed.includes(value) ? value : fallback;
  }

  const STATUSES = ['planned', 'on-track', 'at-risk', 'blocked', 'done', 'unknown'];
  const SEVERITIES = ['error', 'warning', 'info'];
  const TONES = ['on-track', 'at-risk', 'behind', 'none'];

  // ---- Small building blocks --------------------------------------------------------------

  /**
   * @param {string} id
   * @param {string} title
   * @param {string | null} extraClass
   * @param {...Child} children
   */
  function section(id, title, extraClass, ...children) {
    return h('section', { id: id, class: 'section' + (extraClass ? ' ' + extraClass : ''), 'aria-labelledby': id + '-title' }, h('h2', { id: id + '-title' }, title), children);
  }

  /** @param {string} value */
  function muted(value) {
    return h('p', { class: 'muted' }, value);
  }

  /**
   * @param {string} label
   * @param {...Child} value
   */
  function labelled(label, ...value) {
    return h('div', { class: 'field' }, h('dt', null, label), h('dd', null, value));
  }

  /**
   * @param {unknown[] | undefined} items
   * @param {string} emptyText
   */
  function bulletList(items, emptyText) {
    const values = list(items).map(text).filter(Boolean);
    if (values.length === 0) return h('span', { class: 'muted' }, emptyText);
    return h('ul', { class: 'bullets' }, values.map((value) => h('li', null, value)));
  }

  /**
   * @param {unknown} status
   * @param {unknown} label
   */
  function statusPill(status, label) {
    return h('span', { class: 'status-pill status-' + oneOf(status, STATUSES, 'unknown') }, text(label));
  }

  /**
   * "and 4 more", with a button to the full list on screen.
   * @param {Partial<AnyBriefList>} listed
   * @param {string} target the id of the section with the full list
   * @param {boolean} [corner] printed in the top corner of its section, beside the heading
   */
  function moreLine(listed, target, corner) {
    if (count(listed.more) <= 0) return null;
    return h(
      'p',
      { class: 'more muted' + (corner ? ' corner' : '') },
      text(listed.moreLabel),
      corner ? null : h('span', { class: 'print-only' }, ' in the full summary'),
      ' ',
      h('button', { type: 'button', class: 'link-button screen-only', 'data-target': target }, 'See the full list'),
    );
  }

  /**
   * Message text with `code` in backticks shown as code (an unmatched backtick stays as it is).
   * @param {string} message
   */
  function withCode(message) {
    const parts = message.split('`');
    if (parts.length % 2 === 0) parts.splice(parts.length - 2, 2, parts[parts.length - 2] + '`' + parts[parts.length - 1]);
    return parts.map((part, index) => (index % 2 === 1 ? h('code', null, part) : part));
  }

  /**
   * The link to a rule's docs: only the fixed address plus a rule id that looks like one.
   * @param {string} rule
   */
  function ruleDocsLink(rule) {
    if (!RULE_ID.test(rule)) return h('span', { class: 'problem-rule' }, rule);
    const link = h('a', { class: 'problem-rule', target: '_blank', rel: 'noopener noreferrer', title: 'What ' + rule + ' checks, and why' }, rule);
    link.setAttribute('href', RULE_DOCS_URL + '#' + rule);
    return link;
  }

  // ---- The leader's brief ---------------------------------------------------------------

  /**
   * @param {Partial<CharterSummary>} summary
   * @param {HostActions} host
   */
  function renderToolbar(summary, host) {
    const health = object(summary.health);
    const severityCounts = list(health.counts).map(object).filter((c) => count(c.count) > 0);
    const checks = h(
      'button',
      { type: 'button', class: 'checks-chip', 'data-target': 'checks', title: "Show the author's checks" },
      h('span', { class: 'checks-chip-label' }, 'Checks'),
      severityCounts.length === 0
        ? h('span', { class: 'chip-count chip-clear' }, text(health.label) || 'No problems found')
        : severityCounts.map((c) => h('span', { class: 'chip-count severity-' + oneOf(c.severity, SEVERITIES, 'info') }, text(c.label))),
    );
    const actions = [];
    if (host.export) actions.push(h('button', { type: 'button', class: 'toolbar-button', 'data-action': 'export', title: 'Save this summary as a web page' }, 'Export HTML'));
    // In VS Code, Print opens the page in the system browser, which prints (a webview cannot).
    const printTitle = vscode ? 'Open the one-page brief in your browser to print it' : 'Print the one-page brief';
    if (host.print) actions.push(h('button', { type: 'button', class: 'toolbar-button', 'data-action': 'print', title: printTitle }, 'Print'));
    return h('div', { class: 'toolbar screen-only', role: 'toolbar', 'aria-label': 'Summary actions' }, checks, h('span', { class: 'toolbar-actions' }, actions));
  }

  /** @param {Partial<CharterSummary>} summary */
  function renderHeader(summary) {
    const owner = text(summary.owner);
    const description = text(summary.summary);
    return h(
      'header',
      { class: 'page-header' },
      h('p', { class: 'eyebrow' }, 'Partnership charter'),
      h('h1', { id: 'charter-title' }, text(summary.title) || 'Untitled charter'),
      description ? h('p', { class: 'lede' }, description) : null,
      h(
        'p',
        { class: 'meta' },
        owner ? ['Owned by ', h('strong', null, owner)] : h('span', { class: 'warning-text' }, 'No owner named yet'),
        text(summary.today) ? [h('span', { class: 'dot', 'aria-hidden': 'true' }, ' · '), 'As of ', h('time', { datetime: text(summary.today) }, text(summary.todayLabel))] : null,
      ),
    );
  }

  /** @param {Partial<SummaryBrief>} brief */
  function renderStatus(brief) {
    const status = object(brief.status);
    const tone = oneOf(status.tone, TONES, 'none');
    const facts = list(status.facts).map(text).filter(Boolean);
    return h(
      'p',
      { class: 'status-line tone-' + tone, role: 'status' },
      h('span', { class: 'status-word' }, text(status.label)),
      facts.map((fact, index) => [index > 0 ? h('span', { class: 'dot', 'aria-hidden': 'true' }, ' · ') : ' ', fact]),
    );
  }

  /** @param {Partial<SummaryBrief>} brief */
  function renderCommitments(brief) {
    const listed = object(brief.partners);
    const partners = list(listed.items).map(object);
    if (partners.length === 0) return section('commitments', 'Ownership and commitments', null, muted('No partners listed yet. Add the clinical and the research partner under partners.'));
    const cards = partners.map((partner) => {
      const side = oneOf(partner.side, ['clinical', 'research'], 'unknown');
      const name = text(partner.name) || text(partner.id) || 'Unnamed partner';
      const commitment = text(partner.commitment);
      return h(
        'article',
        { class: 'card partner compact side-' + side, 'aria-label': name },
        h('h3', null, name),
        h(
          'p',
          { class: 'tags' },
          h('span', { class: 'tag tag-' + side }, text(partner.sideLabel)),
          partner.isOwner === true ? h('span', { class: 'tag tag-owner' }, 'Owner') : null,
          text(partner.lead) ? h('span', { class: 'lead' }, text(partner.lead)) : null,
        ),
        commitment ? h('p', { class: 'commitment' }, commitment) : h('p', { class: 'commitment warning-text' }, 'No leadership commitment recorded yet'),
      );
    });
    return section('commitments', 'Ownership and commitments', null, h('div', { class: 'cards cards-compact' }, cards), moreLine(listed, 'partners', true));
  }

  /**
   * @param {string} title
   * @param {Partial<SummaryMeeting> | undefined} meeting
   * @param {string} missingText
   */
  function renderMeeting(title, meeting, missingText) {
    if (!meeting) return h('article', { class: 'card meeting missing', 'aria-label': title }, h('h3', null, title), muted(missingText));
    const m = object(meeting);
    const attendees = list(m.attendees).map(text).filter(Boolean);
    return h(
      'article',
      { class: 'card meeting', 'aria-label': title },
      h('h3', null, title),
      h('p', { class: 'schedule' }, text(m.description)),
      h(
        'dl',
        { class: 'fields' },
        labelled('Next', text(m.nextLabel) ? h('strong', null, text(m.nextLabel)) : h('span', { class: 'muted' }, 'Not scheduled')),
        list(m.skipped).length ? labelled('Skipped', bulletList(list(m.skipped).map(text).filter(Boolean), '')) : null,
        h('div', { class: 'print-hide' }, labelled('Attendees', attendees.length ? bulletList(attendees, '') : h('span', { class: 'muted' }, 'Not listed'))),
        text(m.format) ? h('div', { class: 'print-hide' }, labelled('How it runs', text(m.format))) : null,
      ),
    );
  }

  /** @param {Partial<SummaryReview> | undefined} review */
  function renderReview(review) {
    if (!review) {
      return h('article', { class: 'card meeting missing', 'aria-label': 'Review' }, h('h3', null, 'Review'), muted('No review planned. Agree how often you will look at what works and what to change.'));
    }
    const r = object(review);
    return h(
      'article',
      { class: 'card meeting', 'aria-label': 'Review' },
      h('h3', null, 'Review of how we work'),
      h('p', { class: 'schedule' }, text(r.description)),
      h(
        'dl',
        { class: 'fields' },
        labelled('Last review', text(r.lastLabel) || h('span', { class: 'muted' }, 'Not yet')),
        text(r.dueLabel) ? labelled('Next review due', h('span', { class: r.overdue === true ? 'overdue-text' : '' }, text(r.dueLabel))) : null,
      ),
    );
  }

  /**
   * The next meetings on one line, for the printed page (the cards say more on screen).
   * @param {Partial<CharterSummary>} summary
   */
  function renderNextMeetings(summary) {
    const cadence = object(summary.cadence);
    const review = object(summary.review);
    const parts = [
      ['Next huddle', text(object(cadence.huddle).nextLabel) || 'not set up', list(object(cadence.huddle).skipped).map(text).join(' ')],
      ['Next briefing', text(object(cadence.briefing).nextLabel) || 'not set up', list(object(cadence.briefing).skipped).map(text).join(' ')],
      text(review.dueLabel) ? ['Review due', text(review.dueLabel), ''] : null,
    ].filter((part) => part !== null);
    return h(
      'p',
      { class: 'next-meetings print-only' },
      parts.map((part, index) => [
        index > 0 ? h('span', { class: 'dot', 'aria-hidden': 'true' }, ' · ') : null,
        h('span', { class: 'label' }, part[0] + ': '),
        h('strong', null, part[1]),
        part[2] ? h('span', { class: 'muted' }, ' (' + part[2].replace(/\.$/, '') + ')') : null,
      ]),
    );
  }

  /** @param {Partial<CharterSummary>} summary */
  function renderMeetings(summary) {
    const cadence = object(summary.cadence);
    return section(
      'cadence',
      'Next meetings',
      'screen-only',
      h(
        'div',
        { class: 'cards cards-three' },
        renderMeeting('Huddle', cadence.huddle, 'No huddle set up. A short weekly check-in keeps work moving.'),
        renderMeeting('Briefing', cadence.briefing, 'No briefing set up. A monthly or quarterly meeting gives each partner time to share priorities.'),
        renderReview(summary.review),
      ),
    );
  }

  /** @param {Partial<CharterSummary>} summary */
  function renderLegend(summary) {
    return h(
      'ul',
      { class: 'legend', 'aria-label': 'Colours in the timeline' },
      list(summary.statusLegend)
        .map(object)
        .map((entry) => {
          const key = entry.key === 'overdue' || entry.key === 'moved' ? entry.key : oneOf(entry.key, STATUSES, 'unknown');
          return h('li', { class: key === 'overdue' || key === 'moved' ? 'legend-item legend-' + key : 'legend-item status-' + key }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), text(entry.label));
        }),
    );
  }

  /** @param {Partial<SummaryMilestone>} m */
  function milestoneStatusCell(m) {
    const reasons = list(m.reasons).map(text).filter(Boolean);
    return [
      statusPill(m.status, m.statusLabel),
      reasons.length ? h('span', { class: 'reasons' + (m.overdue === true ? ' overdue-text' : '') }, reasons.join(' · ')) : null,
    ];
  }

  /** @param {Partial<CharterSummary>} summary */
  function renderMilestones(summary) {
    const brief = object(summary.brief);
    const timeline = object(summary.timeline);
    const chartRows = object(brief.timeline);
    const attention = object(brief.attention);
    const items = list(attention.items).map(object);
    if (list(timeline.milestones).length === 0) {
      return section('milestones', 'Milestones', null, muted('No milestones yet. Agree on a few dated steps early, then follow them at each huddle.'));
    }
    const range = [text(timeline.startLabel) ? 'Started ' + text(timeline.startLabel) : '', text(timeline.endLabel) ? 'last milestone due ' + text(timeline.endLabel) : ''].filter(Boolean);
    const table = items.length
      ? h(
          'table',
          { class: 'milestones attention' },
          h('caption', null, 'Needs attention'),
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Milestone'), h('th', { scope: 'col' }, 'Owner'), h('th', { scope: 'col' }, 'Due'), h('th', { scope: 'col' }, 'Status'))),
          h(
            'tbody',
            null,
            items.map((m) =>
              h(
                'tr',
                { class: m.overdue === true ? 'is-overdue' : null },
                h('td', { class: 'milestone-title' }, text(m.title)),
                h('td', null, text(m.owner) || h('span', { class: 'muted' }, 'No owner')),
                h('td', { class: 'nowrap' }, text(m.dueOn) || h('span', { class: 'muted' }, 'No date')),
                h('td', null, milestoneStatusCell(m)),
              ),
            ),
          ),
        )
      : h('p', { class: 'all-clear' }, 'No milestone is overdue, at risk, moved or due in the next 30 days.');
    return section(
      'milestones',
      'Milestones',
      null,
      range.length ? h('p', { class: 'muted range' }, range.join(', ')) : null,
      h('div', { class: 'timeline-chart screen-only' }),
      h('div', { class: 'timeline-chart print-only' }),
      count(chartRows.more) > 0 ? h('div', { class: 'chart-more' }, moreLine(chartRows, 'all-milestones')) : null,
      renderLegend(summary),
      table,
      moreLine(attention, 'all-milestones', true),
      text(attention.rest) ? h('p', { class: 'rest muted' }, text(attention.rest) + '.') : null,
    );
  }

  /** @param {Partial<SummaryBrief>} brief */
  function renderDecisions(brief) {
    const decisions = object(brief.decisions);
    const barriers = object(brief.barriers);
    const decisionItems = list(decisions.items).map(object);
    const barrierItems = list(barriers.items).map(object);
    const empty = decisionItems.length === 0 && barrierItems.length === 0;
    return section(
      'decisions',
      'Decisions and barriers',
      null,
      empty ? h('p', { class: 'all-clear' }, 'Nothing is blocked and no barrier is open.') : null,
      decisionItems.length
        ? h(
            'ul',
            { class: 'items decisions' },
            decisionItems.map(decisionItem),
          )
        : null,
      moreLine(decisions, 'all-decisions', true),
      barrierItems.length
        ? h(
            'ul',
            { class: 'items barriers-brief' },
            barrierItems.map((b) =>
              h(
                'li',
                { class: 'item barrier-item' },
                h('p', { class: 'item-text' }, text(b.text)),
                h('p', { class: 'item-meta muted' }, [text(b.owner), text(b.openFor) ? 'open ' + text(b.openFor) : ''].filter(Boolean).join(' · ')),
              ),
            ),
          )
        : null,
      // The barriers left out and the ones only watched share one line.
      count(barriers.more) > 0 || text(barriers.others)
        ? h(
            'p',
            { class: 'rest muted' },
            count(barriers.more) > 0 ? [text(barriers.moreLabel) + ' open', ' ', h('button', { type: 'button', class: 'link-button screen-only', 'data-target': 'all-barriers' }, 'See the full list'), text(barriers.others) ? '. ' : '.'] : null,
            text(barriers.others) ? text(barriers.others) + '.' : null,
          )
        : null,
    );
  }

  /** @param {Partial<SummaryBrief>} brief */
  function renderActions(brief) {
    const actions = object(brief.actions);
    const items = list(actions.items).map(object);
    // Charters that keep no actions (format 1.0) get no empty section on the one page.
    if (items.length === 0 && !text(actions.others)) return null;
    return section(
      'actions',
      'Open actions',
      null,
      items.length === 0 ? muted('Every action is done or dropped.') : null,
      items.length
        ? h(
            'ul',
            { class: 'items actions' },
            items.map((a) =>
              h(
                'li',
                { class: 'item action' + (a.overdue === true ? ' is-overdue' : '') },
                h('p', { class: 'item-text' }, text(a.text)),
                h(
                  'p',
                  { class: 'item-meta muted' },
                  a.overdue === true ? [h('span', { class: 'overdue-text' }, 'Overdue'), ' · '] : null,
                  [text(a.dueOn) ? 'due ' + text(a.dueOn) : 'no due date', text(a.owner) || 'no owner'].join(' · '),
                ),
              ),
            ),
          )
        : null,
      moreLine(actions, 'all-actions', true),
      text(actions.others) ? h('p', { class: 'rest muted print-hide' }, text(actions.others) + '.') : null,
    );
  }

  /** @param {Partial<SummaryBrief>} brief */
  function renderGoals(brief) {
    const goals = object(brief.goals);
    const items = list(goals.items).map(object);
    if (items.length === 0) return section('goals', 'Goals and how they are measured', null, muted('No shared goals yet. Write down what success looks like and how you will report it.'));
    return section('goals', 'Goals and how they are measured', null, goalList(items), moreLine(goals, 'all-goals', true));
  }

  /**
   * Two columns of sections; when one is empty the other takes the full width.
   * @param {(HTMLElement | null)[]} left
   * @param {(HTMLElement | null)[]} right
   */
  function columns(left, right) {
    const present = [left, right].map((sections) => sections.filter((section) => section !== null)).filter((sections) => sections.length > 0);
    return h('div', { class: present.length > 1 ? 'columns' : 'columns single' }, present.map((sections) => h('div', { class: 'column' }, sections)));
  }

  // ---- The full charter (on screen only) ---------------------------------------------------

  /** @param {Partial<CharterSummary>} summary */
  function renderPartners(summary) {
    const partners = list(summary.partners).map(object);
    if (partners.length === 0) return null;
    const cards = partners.map((partner) => {
      const side = oneOf(partner.side, ['clinical', 'research'], 'unknown');
      const name = text(partner.name) || text(partner.id) || 'Unnamed partner';
      return h(
        'article',
        { class: 'card partner side-' + side, 'aria-label': name },
        h(
          'header',
          { class: 'card-header' },
          h('h3', null, name),
          h('p', { class: 'tags' }, h('span', { class: 'tag tag-' + side }, text(partner.sideLabel)), partner.isOwner === true ? h('span', { class: 'tag tag-owner' }, 'Owner') : null),
        ),
        h(
          'dl',
          { class: 'fields' },
          labelled('Lead', text(partner.lead) || h('span', { class: 'muted' }, 'Not named')),
          text(partner.contact) ? labelled('Contact', text(partner.contact)) : null,
          labelled('Brings', bulletList(partner.brings, 'Nothing listed yet')),
          labelled('Limits', bulletList(partner.limits, 'None listed')),
          labelled('Leadership commitment', text(partner.commitment) || h('span', { class: 'warning-text' }, 'None recorded yet')),
        ),
      );
    });
    return section('partners', 'What each partner brings', null, h('div', { class: 'cards' }, cards));
  }

  /** @param {Partial<CharterSummary>} summary */
  function renderAllMilestones(summary) {
    const milestones = list(object(summary.timeline).milestones).map(object);
    if (milestones.length === 0) return null;
    return section(
      'all-milestones',
      'All milestones',
      null,
      h(
        'table',
        { class: 'milestones' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Milestone'), h('th', { scope: 'col' }, 'Due'), h('th', { scope: 'col' }, 'Owner'), h('th', { scope: 'col' }, 'Status'))),
        h(
          'tbody',
          null,
          milestones.map((m) =>
            h(
              'tr',
              { class: m.overdue === true ? 'is-overdue' : null },
              h('td', { class: 'milestone-title' }, text(m.title) || 'Untitled milestone'),
              h('td', null, text(m.dueLabel) || h('span', { class: 'muted' }, 'No date')),
              h('td', null, text(m.owner) || h('span', { class: 'muted' }, 'No owner')),
              h('td', null, milestoneStatusCell(m)),
            ),
          ),
        ),
      ),
    );
  }

  /** @param {Partial<SummaryDecision>} d */
  function decisionItem(d) {
    return h(
      'li',
      { class: 'item decision decision-' + oneOf(d.kind, ['blocked', 'slipped', 'barrier'], 'barrier') },
      h('p', { class: 'item-text' }, h('span', { class: 'kind' }, text(d.kindLabel)), ' ', text(d.text)),
      h('p', { class: 'item-meta muted' }, [text(d.owner), text(d.detail)].filter(Boolean).join(' · ')),
    );
  }

  /** @param {Partial<CharterSummary>} summary */
  function renderAllDecisions(summary) {
    const decisions = list(summary.decisions).map(object);
    if (decisions.length <= list(object(object(summary.brief).decisions).items).length) return null;
    return section('all-decisions', 'All decisions needed', null, h('ul', { class: 'items decisions' }, decisions.map(decisionItem)));
  }

  /** @param {Partial<CharterSummary>} summary */
  function renderAllBarriers(summary) {
    const barriers = object(summary.barriers);
    /** @type {[keyof CharterSummary['barriers'], string][]} */
    const groups = [
      ['open', 'Open'],
      ['watching', 'Watching'],
      ['resolved', 'Resolved'],
    ];
    const total = groups.reduce((sum, group) => sum + list(barriers[group[0]]).length, 0);
    if (total === 0) return section('all-barriers', 'All barriers', null, muted('No barriers recorded. Name what gets in the way so it can be worked on.'));
    return section(
      'all-barriers',
      'All barriers',
      null,
      h(
        'div',
        { class: 'barrier-groups' },
        groups.map((group) => {
          const items = list(barriers[group[0]]).map(object);
          return h(
            'div',
            { class: 'barrier-group barrier-' + group[0] },
            h('h3', null, group[1] + ' ', h('span', { class: 'group-count' }, '(' + items.length + ')')),
            items.length === 0
              ? muted('None')
              : h(
                  'ul',
                  { class: 'barriers' },
                  items.map((barrier) => {
                    const meta = [text(barrier.owner), text(barrier.raisedLabel) ? 'raised ' + text(barrier.raisedLabel) : '', text(barrier.openFor) ? 'open for ' + text(barrier.openFor) : ''].filter(Boolean);
                    return h('li', { class: 'barrier' }, h('p', { class: 'barrier-text' }, text(barrier.text) || 'Unnamed barrier'), meta.length ? h('p', { class: 'barrier-meta muted' }, meta.join(' · ')) : null);
                  }),
                ),
          );
        }),
      ),
    );
  }

  /** @param {Partial<CharterSummary>} summary */
  function renderAllActions(summary) {
    const actions = list(summary.actions).map(object);
    if (actions.length === 0) return null;
    return section(
      'all-actions',
      'All actions',
      null,
      h(
        'table',
        { class: 'milestones' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Action'), h('th', { scope: 'col' }, 'Owner'), h('th', { scope: 'col' }, 'Due'), h('th', { scope: 'col' }, 'Status'))),
        h(
          'tbody',
          null,
          actions.map((a) =>
            h(
              'tr',
              { class: a.overdue === true ? 'is-overdue' : null },
              h('td', null, text(a.text)),
              h('td', null, text(a.owner) || h('span', { class: 'muted' }, 'No owner')),
              h('td', null, text(a.dueLabel) || h('span', { class: 'muted' }, 'No date')),
              h('td', null, h('span', { class: 'status-pill action-' + oneOf(a.status, ['open', 'done', 'dropped'], 'open') }, text(a.statusLabel)), a.overdue === true ? h('span', { class: 'status-pill overdue-pill' }, 'Overdue') : null),
            ),
          ),
        ),
      ),
    );
  }

  /**
   * @param {Partial<SummaryGoal>[]} goals
   */
  function goalList(goals) {
    return h(
      'ol',
      { class: 'goals' },
      goals.map((goal) =>
        h(
          'li',
          { class: 'goal' },
          h('p', { class: 'goal-text' }, text(goal.text) || 'Unnamed goal'),
          text(goal.measure) ? h('p', { class: 'goal-measure' }, h('span', { class: 'label' }, 'Measured by: '), text(goal.measure)) : h('p', { class: 'goal-measure warning-text' }, 'No measure yet'),
        ),
      ),
    );
  }

  /** @param {Partial<CharterSummary>} summary */
  function renderAllGoals(summary) {
    const goals = list(summary.goals).map(object);
    if (goals.length <= list(object(object(summary.brief).goals).items).length) return null;
    return section('all-goals', 'All goals', null, goalList(goals));
  }

  // ---- The author's checks ---------------------------------------------------------------

  /**
   * @param {Partial<CharterSummary>} summary
   * @param {HostActions} host
   * @param {boolean} open
   */
  function renderChecks(summary, host, open) {
    const health = object(summary.health);
    const problems = list(health.problems).map(object);
    const counts = list(health.counts).map(object);
    const badges = h(
      'span',
      { class: 'counts' },
      counts.map((c) => h('span', { class: 'count severity-' + oneOf(c.severity, SEVERITIES, 'info') + (count(c.count) === 0 ? ' zero' : '') }, text(c.label))),
    );
    const rows = problems.map((p) => {
      const severity = oneOf(p.severity, SEVERITIES, 'info');
      const line = Math.max(0, Math.floor(count(p.line)));
      const character = Math.max(0, Math.floor(count(p.character)));
      const rule = text(p.rule);
      const lineLabel = 'Line ' + (line + 1);
      let ruleNode = null;
      if (rule && vscode) {
        ruleNode = host.openRuleDocs && RULE_ID.test(rule) && p.hasDocs === true
          ? h('button', { type: 'button', class: 'problem-rule link-button', 'data-rule': rule, title: 'What ' + rule + ' checks, and why' }, rule)
          : h('span', { class: 'problem-rule' }, rule);
      } else if (rule) {
        ruleNode = p.hasDocs === true ? ruleDocsLink(rule) : h('span', { class: 'problem-rule' }, rule);
      }
      return h(
        'li',
        { class: 'problem' },
        h('span', { class: 'problem-severity severity-' + severity }, text(p.severityLabel)),
        vscode
          ? h('button', { type: 'button', class: 'problem-line link-button', 'data-line': String(line), 'data-character': String(character), title: 'Go to line ' + (line + 1) + ' in the charter' }, lineLabel)
          : h('span', { class: 'problem-line' }, lineLabel),
        h('span', { class: 'problem-message' }, withCode(text(p.message))),
        ruleNode,
      );
    });
    return h(
      'details',
      { id: 'checks', class: 'section checks screen-only', open: open },
      h('summary', null, h('span', { class: 'checks-title' }, "Author's checks"), ' ', badges),
      h('p', { class: 'muted checks-note' }, 'For whoever edits the charter; they are not printed.'),
      problems.length === 0 ? h('p', { class: 'all-clear' }, 'No problems found. Every check passes.') : h('ul', { class: 'problems' }, rows),
    );
  }

  // ---- Timeline picture --------------------------------------------------------------------

  const DAY_MS = 86400000;

  /**
   * Day number (days since 1970-01-01) of an ISO date, or undefined: where to draw a date.
   * @param {unknown} iso
   */
  function dayNumber(iso) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text(iso));
    if (!match) return undefined;
    return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
  }

  /**
   * Month starts between two day numbers.
   * @param {number} from
   * @param {number} to
   */
  function ticksFor(from, to) {
    /** @type {{ day: number, year: number, month: number }[]} */
    const ticks = [];
    const start = new Date(from * DAY_MS);
    let year = start.getUTCFullYear();
    let month = start.getUTCMonth() + 1;
    for (;;) {
      if (month > 11) {
        month = 0;
        year += 1;
      }
      const day = Date.UTC(year, month, 1) / DAY_MS;
      if (day > to) break;
      ticks.push({ day: day, year: year, month: month });
      month += 1;
    }
    return ticks;
  }

  /** @type {CanvasRenderingContext2D | null | undefined} */
  let measureContext;

  /**
   * Width of a label in pixels, measured with the page's font (an estimate without canvas).
   * @param {string} value
   * @param {number} fontSize
   */
  function textWidth(value, fontSize) {
    if (measureContext === undefined) measureContext = document.createElement('canvas').getContext('2d');
    if (!measureContext) return value.length * fontSize * 0.55;
    measureContext.font = fontSize + 'px ' + getComputedStyle(document.body).fontFamily;
    return measureContext.measureText(value).width;
  }

  /**
   * The label cut to `available` pixels with an ellipsis; only when it does not fit.
   * @param {string} value
   * @param {number} available
   * @param {number} fontSize
   */
  function fitLabel(value, available, fontSize) {
    if (textWidth(value, fontSize) <= available) return value;
    let low = 1;
    let high = value.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (textWidth(value.slice(0, mid).trimEnd() + '…', fontSize) <= available) low = mid;
      else high = mid - 1;
    }
    return value.slice(0, low).trimEnd() + '…';
  }

  /**
   * @typedef {{ width: number, rowHeight: number, fontSize: number, small: number, labelShare: number }} ChartSize
   * Screen: the container's width and roomy rows. Print: a fixed width scaled to the paper.
   */
  const PRINT_CHART = { width: 700, rowHeight: 11.5, fontSize: 9, small: 8, labelShare: 0.42 };

  /**
   * @param {HTMLElement} container
   * @param {Partial<SummaryMilestone>[]} milestones
   * @param {Partial<CharterSummary>} summary
   * @param {ChartSize} size
   */
  function drawTimeline(container, milestones, summary, size) {
    container.replaceChildren();
    const timeline = object(summary.timeline);
    const monthLabels = list(timeline.monthLabels);
    const today = dayNumber(summary.today);
    const start = dayNumber(timeline.start);
    const dues = milestones
      .flatMap((m) => [m.due].concat(list(m.was)))
      .map(dayNumber)
      .filter((d) => d !== undefined);
    const points = /** @type {number[]} */ (dues.concat([today, start].filter((d) => d !== undefined)));
    if (points.length === 0) return;

    let min = Math.min.apply(null, points);
    let max = Math.max.apply(null, points);
    if (max - min < 30) {
      min -= 15;
      max += 15;
    }
    const pad = (max - min) * 0.04;
    min -= pad;
    max += pad;

    const { width, rowHeight, fontSize, small } = size;
    // The label column is as wide as the longest label needs, up to a share of the chart: labels are
    // cut (with the full title as a tooltip) only when that is not enough.
    const titles = milestones.map((m) => text(m.title) || 'Untitled milestone');
    const widest = Math.max(60, ...titles.map((title) => textWidth(title, fontSize)));
    const labelWidth = Math.min(Math.ceil(widest) + 8, Math.floor(width * size.labelShare));
    const left = labelWidth + 16;
    const right = width - Math.max(28, small * 5.5);
    const top = Math.round(small * 2 + 14);
    const height = top + Math.max(1, milestones.length) * rowHeight + small * 2 + 4;
    /** @param {number} day */
    const x = (day) => left + ((day - min) / (max - min)) * (right - left);

    const svg = s('svg', {
      class: 'timeline-svg',
      width: width,
      height: height,
      viewBox: '0 0 ' + width + ' ' + height,
      preserveAspectRatio: 'xMinYMin meet',
      role: 'img',
      focusable: 'false',
      'aria-label': 'Timeline of the milestones, with a line for today. The table gives the details.',
    });

    // Month grid and labels: every month, or every 2, 3, 6 or 12 months so labels never touch.
    const ticks = ticksFor(min, max);
    const pixelsPerMonth = ((right - left) * 30.44) / (max - min);
    const step = [1, 2, 3, 6, 12].find((n) => n * pixelsPerMonth >= small * 6.5) || 12;
    const grid = s('g', { class: 'grid', 'aria-hidden': 'true' });
    let labelledTicks = 0;
    ticks.forEach((tick) => {
      if (tick.month % step !== 0) return;
      const tx = x(tick.day);
      grid.appendChild(s('line', { class: 'grid-line', x1: tx, y1: top - 10, x2: tx, y2: height - 16 }));
      const withYear = step === 12 || tick.month === 0 || labelledTicks === 0;
      const month = text(monthLabels[tick.month]) || String(tick.month + 1);
      const label = step === 12 ? String(tick.year) : withYear ? month + ' ' + tick.year : month;
      if (tx + 3 + textWidth(label, small) <= width) grid.appendChild(s('text', { class: 'grid-label', x: tx + 3, y: top - 14 }, label));
      labelledTicks += 1;
    });
    svg.appendChild(grid);

    // Start and Today are labelled under the chart, apart from each other.
    const bottomLabelY = height - 4;
    const startX = start !== undefined ? x(start) : undefined;
    if (start !== undefined && startX !== undefined) {
      const sx = startX;
      svg.appendChild(s('g', { class: 'start-marker', 'aria-hidden': 'true' }, s('line', { class: 'start-line', x1: sx, y1: top - 6, x2: sx, y2: height - 16 }), s('text', { class: 'start-label', x: sx + 3, y: bottomLabelY }, 'Start')));
    }

    const mark = rowHeight * 0.2;
    milestones.forEach((milestone, index) => {
      const y = top + index * rowHeight + rowHeight / 2;
      const status = oneOf(milestone.status, STATUSES, 'unknown');
      const title = titles[index];
      const due = dayNumber(milestone.due);
      const overdue = milestone.overdue === true;
      const row = s('g', { class: 'milestone-row status-' + status + (overdue ? ' is-overdue' : '') });
      row.appendChild(s('title', null, [title, text(milestone.dueLabel) || 'no due date', text(milestone.statusLabel)].concat(list(milestone.reasons).map(text)).filter(Boolean).join(' · ')));
      if (index % 2 === 0) row.appendChild(s('rect', { class: 'row-band', x: 0, y: y - rowHeight / 2, width: width, height: rowHeight }));
      const shown = fitLabel(title, labelWidth - 8, fontSize);
      row.appendChild(s('text', { class: 'milestone-label', x: labelWidth, y: y, 'text-anchor': 'end', 'dominant-baseline': 'middle' }, shown, shown !== title ? s('title', null, title) : null));
      if (due === undefined) {
        row.appendChild(s('text', { class: 'undated-label', x: (start !== undefined ? x(start) : left) + 8, y: y, 'dominant-baseline': 'middle' }, 'no due date'));
      } else {
        const dx = x(due);
        const from = start !== undefined && start < due ? x(start) : left;
        row.appendChild(s('line', { class: 'milestone-bar', x1: from, y1: y, x2: dx, y2: y }));
        drawSlipHistory(row, milestone, x, y, dx, mark);
        if (overdue) row.appendChild(s('circle', { class: 'overdue-ring', cx: dx, cy: y, r: mark * 1.7 }));
        if (status === 'done') {
          row.appendChild(s('circle', { class: 'milestone-dot', cx: dx, cy: y, r: mark * 1.2 }));
          row.appendChild(s('path', { class: 'done-check', d: 'M ' + (dx - mark * 0.6) + ' ' + y + ' l ' + mark * 0.42 + ' ' + mark * 0.42 + ' l ' + mark * 0.75 + ' ' + -mark * 0.83 }));
        } else {
          row.appendChild(s('rect', { class: 'milestone-dot', x: dx - mark, y: y - mark, width: mark * 2, height: mark * 2, rx: 2, transform: 'rotate(45 ' + dx + ' ' + y + ')' }));
        }
        const dueLabel = text(milestone.chartLabel);
        const labelOnLeft = dx + 14 + textWidth(dueLabel, small) > width - 4;
        row.appendChild(s('text', { class: 'due-label', x: labelOnLeft ? dx - mark * 2.4 : dx + mark * 2.4, y: y, 'text-anchor': labelOnLeft ? 'end' : 'start', 'dominant-baseline': 'middle' }, dueLabel));
      }
      svg.appendChild(row);
    });

    if (today !== undefined) {
      const tx = x(today);
      svg.appendChild(
        s(
          'g',
          { class: 'today-marker', 'aria-hidden': 'true' },
          s('line', { class: 'today-line', x1: tx, y1: top - 6, x2: tx, y2: height - 16 }),
          s('text', { class: 'today-label', x: startX !== undefined && Math.abs(tx - startX) < small * 6 ? tx + 3 : tx, y: bottomLabelY, 'text-anchor': startX !== undefined && Math.abs(tx - startX) < small * 6 ? 'start' : 'middle' }, 'Today'),
        ),
      );
    }
    container.appendChild(svg);
  }

  /**
   * Where a milestone was due before (`was`): a hollow mark at each earlier date and a dashed
   * line from the first one to the date it is due now, so a deadline that moved stays in sight.
   * @param {SVGElement} row
   * @param {Partial<SummaryMilestone>} milestone
   * @param {(day: number) => number} x
   * @param {number} y
   * @param {number} dx
   * @param {number} mark
   */
  function drawSlipHistory(row, milestone, x, y, dx, mark) {
    const earlier = list(milestone.was)
      .map(dayNumber)
      .filter((d) => d !== undefined)
      .map((d) => x(/** @type {number} */ (d)));
    if (earlier.length === 0) return;
    const history = s('g', { class: 'slip-history' }, s('title', null, text(milestone.slippedLabel) || 'Due date moved'));
    const first = Math.min.apply(null, earlier.concat([dx]));
    const last = Math.max.apply(null, earlier.concat([dx]));
    history.appendChild(s('line', { class: 'slip-path', x1: first, y1: y, x2: last, y2: y }));
    earlier.forEach((ex) => history.appendChild(s('rect', { class: 'slip-mark', x: ex - mark * 0.8, y: y - mark * 0.8, width: mark * 1.6, height: mark * 1.6, transform: 'rotate(45 ' + ex + ' ' + y + ')' })));
    row.appendChild(history);
  }

  // ---- Page -------------------------------------------------------------------------

  const root = document.getElementById('charter-preview') || document.body.appendChild(h('main', { id: 'charter-preview' }));
  /** @type {Partial<CharterSummary> | undefined} */
  let current;
  /** @type {HostActions} */
  let host = { export: false, print: !vscode, openRuleDocs: false };
  let checksOpen = false;

  /** The brief's timeline rows, drawn for the screen at the container's width. */
  function drawScreenTimeline() {
    if (!current) return;
    const container = root.querySelector('.timeline-chart.screen-only');
    if (!(container instanceof HTMLElement)) return;
    const rows = list(object(object(current.brief).timeline).items).map(object);
    const width = Math.max(420, Math.floor(container.clientWidth || 820));
    drawTimeline(container, rows, current, { width: width, rowHeight: 30, fontSize: 12, small: 11, labelShare: 0.5 });
  }

  function drawPrintTimeline() {
    if (!current) return;
    const container = root.querySelector('.timeline-chart.print-only');
    if (!(container instanceof HTMLElement)) return;
    const rows = list(object(object(current.brief).timeline).items).map(object);
    drawTimeline(container, rows, current, PRINT_CHART);
  }

  /** @param {unknown} summary */
  function render(summary) {
    const value = /** @type {Partial<CharterSummary>} */ (object(summary));
    current = value;
    const brief = object(value.brief);
    root.replaceChildren(
      renderToolbar(value, host),
      h('div', { class: 'error-banner', role: 'alert', hidden: true }),
      h(
        'div',
        { class: 'brief', role: 'region', 'aria-label': "Leader's brief" },
        renderHeader(value),
        renderStatus(brief),
        renderNextMeetings(value),
        renderCommitments(brief),
        renderMeetings(value),
        renderMilestones(value),
        columns([renderDecisions(brief), renderGoals(brief)], [renderActions(brief)]),
      ),
      h(
        'div',
        { class: 'full screen-only', role: 'region', 'aria-label': 'The full charter' },
        renderPartners(value),
        renderAllMilestones(value),
        renderAllDecisions(value),
        renderAllBarriers(value),
        renderAllActions(value),
        renderAllGoals(value),
      ),
      renderChecks(value, host, checksOpen),
    );
    root.setAttribute('aria-busy', 'false');
    drawScreenTimeline();
    drawPrintTimeline();
    document.title = (text(value.title) || 'Untitled charter') + ' · Charter summary';
  }

  /** @param {string} message */
  function showError(message) {
    let banner = root.querySelector('.error-banner');
    if (!(banner instanceof HTMLElement)) {
      banner = h('div', { class: 'error-banner', role: 'alert' });
      root.prepend(banner);
    }
    banner.textContent = message;
    /** @type {HTMLElement} */ (banner).hidden = !message;
  }

  /** @param {string} id */
  function showSection(id) {
    const target = document.getElementById(id);
    if (!target) return;
    if (target instanceof HTMLDetailsElement) target.open = true;
    target.scrollIntoView({ block: 'start' });
  }

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let resizeTimer;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(drawScreenTimeline, 120);
  });

  // Remember whether the author's checks are unfolded across updates.
  root.addEventListener(
    'toggle',
    (event) => {
      if (event.target instanceof HTMLDetailsElement && event.target.id === 'checks') {
        checksOpen = event.target.open;
        saveState({ checksOpen: checksOpen });
      }
    },
    true,
  );

  root.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('button') : null;
    if (!target) return;
    const section = target.getAttribute('data-target');
    if (section) {
      showSection(section);
      return;
    }
    const action = target.getAttribute('data-action');
    if (action === 'print' && !vscode) {
      window.print();
      return;
    }
    if (!vscode) return;
    if (action === 'export' || action === 'print') {
      vscode.postMessage({ type: action });
    } else if (target.hasAttribute('data-rule')) {
      const rule = target.getAttribute('data-rule') || '';
      if (RULE_ID.test(rule)) vscode.postMessage({ type: 'openRuleDocs', rule: rule });
    } else if (target.hasAttribute('data-line')) {
      vscode.postMessage({ type: 'reveal', line: Number(target.getAttribute('data-line')) || 0, character: Number(target.getAttribute('data-character')) || 0 });
    }
  });

  /** @type {Record<string, unknown>} */
  let state = {};

  /** @param {Record<string, unknown>} changes */
  function saveState(changes) {
    if (!vscode) return;
    state = Object.assign({}, state, changes);
    vscode.setState(state);
  }

  if (vscode) {
    // Inside VS Code: the extension sends summaries, and says which page actions it handles.
    state = /** @type {Record<string, unknown>} */ (object(vscode.getState()));
    checksOpen = state.checksOpen === true;
    if (state.summary) {
      render(state.summary);
      if (typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
    }
    window.addEventListener('message', (event) => {
      const message = /** @type {Record<string, unknown>} */ (object(event.data));
      if (message.type === 'summary' && message.summary && typeof message.summary === 'object') {
        const scrollY = window.scrollY;
        render(message.summary);
        window.scrollTo(0, scrollY);
        saveState({ uri: text(message.uri), summary: message.summary, scrollY: scrollY });
      } else if (message.type === 'capabilities') {
        const actions = list(/** @type {unknown[]} */ (message.actions));
        host = { export: actions.includes('export'), print: actions.includes('print'), openRuleDocs: actions.includes('openRuleDocs') };
        if (current) render(current);
      } else if (message.type === 'error') {
        showError(text(message.message));
        if (text(message.uri)) saveState({ uri: text(message.uri) });
      }
    });
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let scrollTimer;
    window.addEventListener('scroll', () => {
      clearTimeout(scrollTimer);
      scrollTimer = setTimeout(() => saveState({ scrollY: window.scrollY }), 200);
    });
    vscode.postMessage({ type: 'ready' });
  } else {
    // Standalone page: the summary is embedded as JSON.
    const data = document.getElementById('charter-summary');
    try {
      render(JSON.parse(data ? data.textContent || 'null' : 'null'));
    } catch (error) {
      root.replaceChildren(h('p', { class: 'error-banner', role: 'alert' }, 'This page could not read its charter summary.'));
    }
  }
})();
