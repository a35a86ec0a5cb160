// Who a next-step line names: a partner's id, its lead ("Dana Ruiz", or just "Dana" when only
// one lead is called that), its name, or the initials of its name, in any letter case.
import { PartnerData } from '../charter-data';

export type OwnerReading = { id: string } | { error: string };

const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'at', 'to', '&']);

function normalize(text: string): string {
  return text.toLowerCase().replace(/[.,]/g, '').replace(/\s+/g, ' ').trim();
}

/** "Office of Mental Health Operations" -> "omho". */
function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w !== '' && !SMALL_WORDS.has(w.toLowerCase()))
    .map((w) => w[0])
    .join('')
    .toLowerCase();
}

/** Every way a partner may be named on a line, strongest first. */
function namesOf(partner: PartnerData): string[][] {
  const lead = partner.lead ? normalize(partner.lead) : undefined;
  const name = partner.name ? normalize(partner.name) : undefined;
  return [
    [normalize(partner.id)],
    [lead, name].filter((n): n is string => n !== undefined),
    [lead?.split(' ')[0], lead?.split(' ').slice(-1)[0], partner.name ? initials(partner.name) : undefined].filter((n): n is string => n !== undefined && n.length >= 2),
  ];
}

/** The partner a typed owner stands for; an unknown or ambiguous name is an error naming the choices. */
export function resolveOwner(typed: string, partners: readonly PartnerData[]): OwnerReading {
  // "Dana Ruiz (ops)": the id in brackets decides.
  const bracketed = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(typed);
  if (bracketed) {
    const byId = partners.find((p) => normalize(p.id) === normalize(bracketed[2]));
    if (byId) return { id: byId.id };
  }
  const wanted = normalize((bracketed ? bracketed[1] : typed).replace(/^@/, ''));
  for (let strength = 0; strength < 3; strength++) {
    const matches = partners.filter((p) => namesOf(p)[strength].includes(wanted));
    if (matches.length === 1) return { id: matches[0].id };
    if (matches.length > 1) return { error: `"${typed}" could be ${matches.map((p) => describe(p)).join(' or ')}; write the partner id` };
  }
  const known = partners.map(describe).join(', ');
  return { error: `no partner is called "${typed}"${known ? ` (partners: ${known})` : ''}` };
}

function describe(partner: PartnerData): string {
  return partner.lead ? `${partner.lead} (${partner.id})` : partner.name ? `${partner.name} (${partner.id})` : partner.id;
}
