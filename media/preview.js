// Renders a charter summary (the engine's CharterSummary JSON) as a readable page.
// One renderer for both the VS Code preview panel and `charter summary --html`.
//
// Safety rules (the charter is untrusted text):
// - every string from the summary is set with textContent or as an attribute value on a
//   fixed allow-list of attributes; no HTML parsing API is used anywhere in this file;
// - no URL attribute is ever set, so charter text cannot become a link or a resource;
// - styling is done with classes only (the pages forbid inline styles through their CSP).
(function () {
  'use strict';

  /* global acquireVsCodeApi */
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  const SVG_NS = 'http://www.w3.org/2000/svg';

  const HTML_ATTRIBUTES = new Set([
    'class', 'id', 'role', 'tabindex', 'title', 'type', 'lang', 'hidden',
    'aria-label', 'aria-labelledby', 'aria-describedby', 'aria-hidden', 'aria-live', 'aria-busy',
    'data-line', 'data-character', 'datetime', 'scope',
  ]);
  const SVG_ATTRIBUTES = new Set([
    'class', 'role', 'aria-label', 'aria-hidden', 'focusable', 'viewBox', 'width', 'height',
    'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'd', 'points',
    'text-anchor', 'dominant-baseline', 'transform',
  ]);

  // ---- DOM helpers --------------------------------------------------------------

  function setAttributes(node, attributes, allowed) {
    if (!attributes) return;
    for (const name of Object.keys(attributes)) {
      const value = attributes[name];
      if (value === undefined || value === null || value === false) continue;
      if (!allowed.has(name)) throw new Error('attribute not allowed: ' + name);
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }

  function append(node, children) {
    for (const child of children) {
      if (child === undefined || child === null || child === false) continue;
      if (Array.isArray(child)) append(node, child);
      else if (typeof child === 'string' || typeof child === 'number') node.appendChild(document.createTextNode(String(child)));
      else node.appendChild(child);
    }
  }

  /** An HTML element; string children become text nodes. */
  function h(tag, attributes, ...children) {
    const node = document.createElement(tag);
    setAttributes(node, attributes, HTML_ATTRIBUTES);
    append(node, children);
    return node;
  }

  /** An SVG element; string children become text nodes. */
  function s(tag, attributes, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttributes(node, attributes, SVG_ATTRIBUTES);
    append(node, children);
    return node;
  }

  // ---- Reading the summary defensively ------------------------------------------------

  function text(value) {
    if (typeof value === 'string') return value.trim();
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return '';
  }

  function list(value) {
    return Array.isArray(value) ? value : [];
  }

  function object(value) {
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  }

  function count(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
  }

  function plural(n, one, many) {
    return n + ' ' + (n === 1 ? one : many || one + 's');
  }

  function capitalize(value) {
    return value ? value.charAt(0).toUpperCase() + value.slice(1) : value;
  }

  // ---- Dates (ISO YYYY-MM-DD, calendar days in UTC) ------------------------------------------

  const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const DAY_MS = 86400000;

  /** Day number (days since 1970-01-01) of an ISO date, or undefined. */
  function dayNumber(iso) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text(iso));
    if (!match) return undefined;
    return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
  }

  function longDate(iso) {
    const day = dayNumber(iso);
    if (day === undefined) return text(iso);
    const date = new Date(day * DAY_MS);
    return DAY_NAMES[date.getUTCDay()] + ' ' + date.getUTCDate() + ' ' + MONTH_NAMES[date.getUTCMonth()] + ' ' + date.getUTCFullYear();
  }

  // ---- Words -----------------------------------------------------------------------

  const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Suggestion' };
  const STATUS_LABEL = {
    planned: 'Planned',
    'on-track': 'On track',
    'at-risk': 'At risk',
    blocked: 'Blocked',
    done: 'Done',
    unknown: 'No status',
  };
  const STATUSES = ['planned', 'on-track', 'at-risk', 'blocked', 'done'];

  function statusOf(value) {
    return Object.prototype.hasOwnProperty.call(STATUS_LABEL, value) ? value : 'unknown';
  }

  function describeFrequency(every) {
    const value = text(every);
    if (!value) return '';
    if (value === 'day') return 'Every day';
    return 'Every ' + value;
  }

  function describeMeeting(meeting) {
    const parts = [];
    const frequency = describeFrequency(meeting.every);
    if (frequency) parts.push(frequency);
    const day = text(meeting.day);
    if (day) parts.push('on ' + capitalize(day) + (text(meeting.every) === 'week' ? 's' : ''));
    const time = text(meeting.time);
    if (time) parts.push('at ' + time);
    let line = parts.join(' ');
    const minutes = count(meeting.minutes);
    if (minutes > 0) line += (line ? ', ' : '') + plural(minutes, 'minute');
    return line || 'No schedule given';
  }

  // ---- Page sections ---------------------------------------------------------------------

  function section(id, title, ...children) {
    return h('section', { id: id, class: 'section', 'aria-labelledby': id + '-title' }, h('h2', { id: id + '-title' }, title), children);
  }

  function muted(value) {
    return h('p', { class: 'muted' }, value);
  }

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
        text(summary.today) ? [h('span', { class: 'dot', 'aria-hidden': 'true' }, ' · '), 'As of ', h('time', { datetime: text(summary.today) }, longDate(summary.today))] : null,
      ),
    );
  }

  function renderHealth(summary, interactive) {
    const health = object(summary.health);
    const counts = [
      ['error', count(health.errors), 'error'],
      ['warning', count(health.warnings), 'warning'],
      ['info', count(health.infos), 'suggestion'],
    ];
    const total = counts.reduce((sum, entry) => sum + entry[1], 0);
    const badges = h(
      'ul',
      { class: 'counts', 'aria-label': 'Problems by severity' },
      counts.map((entry) => h('li', { class: 'count severity-' + entry[0] + (entry[1] === 0 ? ' zero' : '') }, h('span', { class: 'count-number' }, String(entry[1])), ' ', entry[1] === 1 ? entry[2] : entry[2] + 's')),
    );
    const problems = list(health.problems);
    let body;
    if (problems.length === 0) {
      body = h('p', { class: 'all-clear' }, total === 0 ? 'No problems found. Every check passes.' : 'See the Problems panel for details.');
    } else {
      body = h(
        'ul',
        { class: 'problems' },
        problems.map((problem) => {
          const p = object(problem);
          const severity = Object.prototype.hasOwnProperty.call(SEVERITY_LABEL, p.severity) ? p.severity : 'info';
          const line = Math.max(0, Math.floor(count(p.line)));
          const character = Math.max(0, Math.floor(count(p.character)));
          const content = [
            h('span', { class: 'problem-severity severity-' + severity }, SEVERITY_LABEL[severity]),
            h('span', { class: 'problem-line' }, 'Line ' + (line + 1)),
            h('span', { class: 'problem-message' }, text(p.message)),
            text(p.rule) ? h('span', { class: 'problem-rule' }, text(p.rule)) : null,
          ];
          if (!interactive) return h('li', { class: 'problem' }, content);
          return h(
            'li',
            { class: 'problem' },
            h(
              'button',
              {
                type: 'button',
                class: 'problem-button',
                'data-line': String(line),
                'data-character': String(character),
                title: 'Go to line ' + (line + 1) + ' in the charter',
              },
              content,
            ),
          );
        }),
      );
    }
    return section('health', 'Health', badges, body);
  }

  function labelled(label, ...value) {
    return h('div', { class: 'field' }, h('dt', null, label), h('dd', null, value));
  }

  function bulletList(items, emptyText) {
    const values = list(items).map(text).filter(Boolean);
    if (values.length === 0) return h('span', { class: 'muted' }, emptyText);
    return h('ul', { class: 'bullets' }, values.map((value) => h('li', null, value)));
  }

  function renderPartners(summary) {
    const partners = list(summary.partners).map(object);
    const owner = text(summary.owner);
    if (partners.length === 0) return section('partners', 'Partners', muted('No partners listed yet. Add the clinical and the research partner under partners.'));
    const cards = partners.map((partner) => {
      const side = text(partner.side);
      const sideClass = side === 'clinical' || side === 'research' ? side : 'unknown';
      const name = text(partner.name) || text(partner.id) || 'Unnamed partner';
      const isOwner = owner !== '' && (owner === text(partner.name) || owner === text(partner.id));
      const commitment = text(partner.commitment);
      return h(
        'article',
        { class: 'card partner side-' + sideClass, 'aria-label': name },
        h(
          'header',
          { class: 'card-header' },
          h('h3', null, name),
          h(
            'p',
            { class: 'tags' },
            h('span', { class: 'tag tag-' + sideClass }, sideClass === 'unknown' ? 'Side not given' : capitalize(side) + ' side'),
            isOwner ? h('span', { class: 'tag tag-owner' }, 'Owner') : null,
          ),
        ),
        h(
          'dl',
          { class: 'fields' },
          labelled('Lead', text(partner.lead) || h('span', { class: 'muted' }, 'Not named')),
          text(partner.contact) ? labelled('Contact', text(partner.contact)) : null,
          labelled('Brings', bulletList(partner.brings, 'Nothing listed yet')),
          labelled('Limits', bulletList(partner.limits, 'None listed')),
          labelled('Leadership commitment', commitment || h('span', { class: 'warning-text' }, 'None recorded yet')),
        ),
      );
    });
    return section('partners', 'Partners', h('div', { class: 'cards' }, cards));
  }

  function renderMeeting(title, meeting, missingText) {
    if (!meeting) {
      return h('article', { class: 'card meeting missing', 'aria-label': title }, h('h3', null, title), muted(missingText));
    }
    const m = object(meeting);
    const attendees = list(m.attendees).map(text).filter(Boolean);
    return h(
      'article',
      { class: 'card meeting', 'aria-label': title },
      h('h3', null, title),
      h('p', { class: 'schedule' }, describeMeeting(m)),
      h(
        'dl',
        { class: 'fields' },
        labelled('Next', text(m.nextLabel) ? h('strong', null, text(m.nextLabel)) : h('span', { class: 'muted' }, 'Not scheduled')),
        labelled('Attendees', attendees.length ? bulletList(attendees, '') : h('span', { class: 'muted' }, 'Not listed')),
        text(m.format) ? labelled('How it runs', text(m.format)) : null,
      ),
    );
  }

  function renderCadence(summary) {
    const cadence = object(summary.cadence);
    const review = summary.review ? object(summary.review) : undefined;
    let reviewCard;
    if (!review) {
      reviewCard = h('article', { class: 'card meeting missing', 'aria-label': 'Review' }, h('h3', null, 'Review'), muted('No review planned. Agree how often you will look at what works and what to change.'));
    } else {
      reviewCard = h(
        'article',
        { class: 'card meeting', 'aria-label': 'Review' },
        h('h3', null, 'Review'),
        h('p', { class: 'schedule' }, describeFrequency(review.every) || 'No frequency given'),
        h(
          'dl',
          { class: 'fields' },
          labelled('Last review', text(review.last) ? longDate(review.last) : h('span', { class: 'muted' }, 'Not yet')),
          text(review.due)
            ? labelled('Next review due', review.overdue === true ? h('span', { class: 'overdue-text' }, longDate(review.due) + ' (overdue)') : longDate(review.due))
            : null,
        ),
      );
    }
    return section(
      'cadence',
      'Meetings',
      h(
        'div',
        { class: 'cards' },
        renderMeeting('Huddle', cadence.huddle, 'No huddle set up. A short weekly check-in keeps work moving.'),
        renderMeeting('Briefing', cadence.briefing, 'No briefing set up. A monthly or quarterly meeting gives each partner time to share priorities.'),
        reviewCard,
      ),
    );
  }

  // ---- Timeline picture --------------------------------------------------------------------

  function truncate(value, max) {
    return value.length <= max ? value : value.slice(0, Math.max(1, max - 1)).trimEnd() + '…';
  }

  function ticksFor(from, to) {
    // Month starts between the two day numbers; thin them out to keep labels apart.
    const ticks = [];
    const start = new Date(from * DAY_MS);
    let year = start.getUTCFullYear();
    let month = start.getUTCMonth() + 1;
    if (month > 11) {
      month = 0;
      year += 1;
    }
    for (;;) {
      const day = Date.UTC(year, month, 1) / DAY_MS;
      if (day > to) break;
      ticks.push({ day: day, year: year, month: month });
      month += 1;
      if (month > 11) {
        month = 0;
        year += 1;
      }
    }
    return ticks;
  }

  function drawTimeline(container, timeline, todayIso) {
    container.replaceChildren();
    const milestones = list(timeline.milestones).map(object);
    const today = dayNumber(todayIso);
    const start = dayNumber(timeline.start);
    const dues = milestones.map((m) => dayNumber(m.due)).filter((d) => d !== undefined);
    const points = dues.concat([today, start].filter((d) => d !== undefined));
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

    const width = Math.max(420, Math.floor(container.clientWidth || 820));
    const labelWidth = Math.min(380, Math.floor(width * 0.38));
    const left = labelWidth + 16;
    const right = width - 28;
    const rowHeight = 30;
    const top = 44;
    const height = top + Math.max(1, milestones.length) * rowHeight + 22;
    const x = (day) => left + ((day - min) / (max - min)) * (right - left);
    const maxChars = Math.max(12, Math.floor(labelWidth / 6));

    const svg = s('svg', {
      class: 'timeline-svg',
      width: width,
      height: height,
      viewBox: '0 0 ' + width + ' ' + height,
      role: 'img',
      focusable: 'false',
      'aria-label':
        'Timeline of ' + plural(milestones.length, 'milestone') + (today !== undefined ? ', today is ' + longDate(todayIso) : '') + '. The list below gives the details.',
    });

    // Month grid and labels: every month, or every 2, 3, 6 or 12 months so labels never touch.
    const ticks = ticksFor(min, max);
    const pixelsPerMonth = ((right - left) * 30.44) / (max - min);
    const step = [1, 2, 3, 6, 12].find((n) => n * pixelsPerMonth >= 60) || 12;
    const grid = s('g', { class: 'grid', 'aria-hidden': 'true' });
    let labelled = 0;
    ticks.forEach((tick) => {
      if (tick.month % step !== 0) return;
      const tx = x(tick.day);
      grid.appendChild(s('line', { class: 'grid-line', x1: tx, y1: top - 10, x2: tx, y2: height - 16 }));
      const withYear = step === 12 || tick.month === 0 || labelled === 0;
      const label = step === 12 ? String(tick.year) : withYear ? MONTH_NAMES[tick.month] + ' ' + tick.year : MONTH_NAMES[tick.month];
      if (tx + 3 + label.length * 6.5 <= width) grid.appendChild(s('text', { class: 'grid-label', x: tx + 3, y: top - 16 }, label));
      labelled += 1;
    });
    svg.appendChild(grid);

    if (start !== undefined) {
      const sx = x(start);
      svg.appendChild(
        s('g', { class: 'start-marker', 'aria-hidden': 'true' }, s('line', { class: 'start-line', x1: sx, y1: top - 6, x2: sx, y2: height - 16 }), s('text', { class: 'start-label', x: sx + 3, y: height - 4 }, 'Start')),
      );
    }

    milestones.forEach((milestone, index) => {
      const y = top + index * rowHeight + rowHeight / 2;
      const status = statusOf(milestone.status);
      const title = text(milestone.title) || 'Untitled milestone';
      const due = dayNumber(milestone.due);
      const row = s('g', { class: 'milestone-row status-' + status + (milestone.overdue === true ? ' is-overdue' : '') });
      row.appendChild(s('title', null, title + (due !== undefined ? ', due ' + longDate(milestone.due) : ', no due date') + ', ' + STATUS_LABEL[status] + (milestone.overdue === true ? ', overdue' : '')));
      if (index % 2 === 0) row.appendChild(s('rect', { class: 'row-band', x: 0, y: y - rowHeight / 2, width: width, height: rowHeight }));
      row.appendChild(s('text', { class: 'milestone-label', x: labelWidth, y: y, 'text-anchor': 'end', 'dominant-baseline': 'middle' }, truncate(title, maxChars)));
      if (due === undefined) {
        row.appendChild(s('text', { class: 'undated-label', x: (start !== undefined ? x(start) : left) + 8, y: y, 'dominant-baseline': 'middle' }, 'no due date'));
      } else {
        const dx = x(due);
        const from = start !== undefined && start < due ? x(start) : left;
        row.appendChild(s('line', { class: 'milestone-bar', x1: from, y1: y, x2: dx, y2: y }));
        if (milestone.overdue === true) {
          row.appendChild(s('circle', { class: 'overdue-ring', cx: dx, cy: y, r: 10 }));
        }
        if (status === 'done') {
          row.appendChild(s('circle', { class: 'milestone-dot', cx: dx, cy: y, r: 7 }));
          row.appendChild(s('path', { class: 'done-check', d: 'M ' + (dx - 3.5) + ' ' + y + ' l 2.5 2.5 l 4.5 -5' }));
        } else {
          row.appendChild(s('rect', { class: 'milestone-dot', x: dx - 6, y: y - 6, width: 12, height: 12, rx: 2, transform: 'rotate(45 ' + dx + ' ' + y + ')' }));
        }
        const dueLabel = MONTH_NAMES[new Date(due * DAY_MS).getUTCMonth()] + ' ' + new Date(due * DAY_MS).getUTCDate() + (milestone.overdue === true ? ' · overdue' : '');
        const labelOnLeft = dx > right - 90;
        row.appendChild(
          s('text', { class: 'due-label', x: labelOnLeft ? dx - 14 : dx + 14, y: y, 'text-anchor': labelOnLeft ? 'end' : 'start', 'dominant-baseline': 'middle' }, dueLabel),
        );
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
          s('text', { class: 'today-label', x: tx, y: top - 28, 'text-anchor': 'middle' }, 'Today'),
        ),
      );
    }
    container.appendChild(svg);
    fitLabels(svg, labelWidth - 8);
  }

  /** Shortens milestone labels that are wider than the label column (measured once drawn). */
  function fitLabels(svg, available) {
    for (const label of svg.querySelectorAll('.milestone-label')) {
      if (typeof label.getComputedTextLength !== 'function') return;
      const full = label.textContent || '';
      let length = full.length;
      while (length > 4 && label.getComputedTextLength() > available) {
        length -= 1;
        label.textContent = truncate(full, length);
      }
    }
  }

  function renderTimeline(summary) {
    const timeline = object(summary.timeline);
    const milestones = list(timeline.milestones).map(object);
    if (milestones.length === 0) {
      return section('timeline', 'Timeline', muted('No milestones yet. Agree on a few dated steps early, then follow them at each huddle.'));
    }
    const chart = h('div', { class: 'timeline-chart' });
    const legend = h(
      'ul',
      { class: 'legend', 'aria-label': 'Colours in the timeline' },
      STATUSES.map((status) => h('li', { class: 'legend-item status-' + status }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), STATUS_LABEL[status])),
      h('li', { class: 'legend-item legend-overdue' }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), 'Overdue'),
    );
    const table = h(
      'table',
      { class: 'milestones' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Milestone'), h('th', { scope: 'col' }, 'Due'), h('th', { scope: 'col' }, 'Owner'), h('th', { scope: 'col' }, 'Status'))),
      h(
        'tbody',
        null,
        milestones.map((m) => {
          const status = statusOf(m.status);
          return h(
            'tr',
            { class: m.overdue === true ? 'is-overdue' : null },
            h('td', null, text(m.title) || 'Untitled milestone'),
            h('td', null, text(m.dueLabel) || (text(m.due) ? longDate(m.due) : h('span', { class: 'muted' }, 'No date'))),
            h('td', null, text(m.owner) || h('span', { class: 'muted' }, 'No owner')),
            h(
              'td',
              null,
              h('span', { class: 'status-pill status-' + status }, STATUS_LABEL[status]),
              m.overdue === true ? h('span', { class: 'status-pill overdue-pill' }, 'Overdue') : null,
            ),
          );
        }),
      ),
    );
    const range = [];
    if (text(timeline.start)) range.push('Started ' + longDate(timeline.start));
    if (text(timeline.end)) range.push('last milestone due ' + longDate(timeline.end));
    return section('timeline', 'Timeline', range.length ? h('p', { class: 'muted' }, range.join(', ')) : null, chart, legend, table);
  }

  function renderGoals(summary) {
    const goals = list(summary.goals).map(object);
    if (goals.length === 0) return section('goals', 'Goals', muted('No shared goals yet. Write down what success looks like and how you will report it.'));
    return section(
      'goals',
      'Goals',
      h(
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
      ),
    );
  }

  function renderBarriers(summary) {
    const barriers = object(summary.barriers);
    const groups = [
      ['open', 'Open'],
      ['watching', 'Watching'],
      ['resolved', 'Resolved'],
    ];
    const total = groups.reduce((sum, group) => sum + list(barriers[group[0]]).length, 0);
    if (total === 0) return section('barriers', 'Barriers', muted('No barriers recorded. Name what gets in the way so it can be worked on.'));
    return section(
      'barriers',
      'Barriers',
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
                    const meta = [];
                    if (text(barrier.owner)) meta.push(text(barrier.owner));
                    if (text(barrier.raised)) meta.push('raised ' + longDate(barrier.raised));
                    if (text(barrier.openFor) && group[0] !== 'resolved') meta.push('open for ' + text(barrier.openFor));
                    return h('li', { class: 'barrier' }, h('p', { class: 'barrier-text' }, text(barrier.text) || 'Unnamed barrier'), meta.length ? h('p', { class: 'barrier-meta muted' }, meta.join(' · ')) : null);
                  }),
                ),
          );
        }),
      ),
    );
  }

  // ---- Page -------------------------------------------------------------------------

  const root = document.getElementById('charter-preview') || document.body.appendChild(h('main', { id: 'charter-preview' }));
  let current;
  let timelineContainer;

  function render(summary) {
    const value = object(summary);
    current = value;
    const timeline = renderTimeline(value);
    root.replaceChildren(
      renderHeader(value),
      h('div', { class: 'error-banner', role: 'alert', hidden: true }),
      renderHealth(value, Boolean(vscode)),
      renderPartners(value),
      renderCadence(value),
      timeline,
      renderGoals(value),
      renderBarriers(value),
    );
    root.setAttribute('aria-busy', 'false');
    timelineContainer = timeline.querySelector('.timeline-chart');
    if (timelineContainer) drawTimeline(timelineContainer, object(value.timeline), value.today);
    document.title = (text(value.title) || 'Untitled charter') + ' · Charter summary';
  }

  function showError(message) {
    let banner = root.querySelector('.error-banner');
    if (!banner) {
      banner = h('div', { class: 'error-banner', role: 'alert' });
      root.prepend(banner);
    }
    banner.textContent = message;
    banner.hidden = !message;
  }

  let resizeTimer;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (current && timelineContainer) drawTimeline(timelineContainer, object(current.timeline), current.today);
    }, 120);
  });

  if (vscode) {
    // Inside VS Code: the extension sends summaries; problem buttons jump to the line.
    let state = object(vscode.getState());
    if (state.summary) {
      render(state.summary);
      if (typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
    }
    window.addEventListener('message', (event) => {
      const message = object(event.data);
      if (message.type === 'summary' && message.summary && typeof message.summary === 'object') {
        const scrollY = window.scrollY;
        render(message.summary);
        window.scrollTo(0, scrollY);
        state = { uri: text(message.uri), summary: message.summary, scrollY: scrollY };
        vscode.setState(state);
      } else if (message.type === 'error') {
        showError(text(message.message));
        if (text(message.uri)) {
          state = Object.assign({}, state, { uri: text(message.uri) });
          vscode.setState(state);
        }
      }
    });
    root.addEventListener('click', (event) => {
      const target = event.target instanceof Element ? event.target.closest('button[data-line]') : null;
      if (!target) return;
      vscode.postMessage({ type: 'reveal', line: Number(target.getAttribute('data-line')) || 0, character: Number(target.getAttribute('data-character')) || 0 });
    });
    let scrollTimer;
    window.addEventListener('scroll', () => {
      clearTimeout(scrollTimer);
      scrollTimer = setTimeout(() => {
        state = Object.assign({}, state, { scrollY: window.scrollY });
        vscode.setState(state);
      }, 200);
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
