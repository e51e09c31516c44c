// How Decorum's pages list the engine's policies to a member: the policies in force first and
// the replaced ones last, each with a date in words ("April 2020", or "date not given") rather
// than the pack's own notation.

import { USER_IDENTITY_PACK } from "./contract.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The policies in force in the engine's order, then those another pack replaced (`superseded_by`). */
export function orderPolicies(policies) {
  const current = policies.filter((policy) => !policy.superseded_by);
  return [...current, ...policies.filter((policy) => policy.superseded_by)];
}

/** A pack's date ("2020-04", "2013-12-01", "2024") as a member reads it; anything else is not a date. */
export function policyDate(date) {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date ?? "");
  if (!match) return "date not given";
  const [, year, month, day] = match;
  if (!month) return year;
  const monthName = MONTHS[Number(month) - 1];
  if (!monthName) return "date not given";
  if (!day) return `${monthName} ${year}`;
  return Number(day) >= 1 && Number(day) <= 31 ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** The line under a policy's name: whose policy it is, or what replaced it, and when it dates from. */
export function policySubtitle(policy, policies, identities = {}) {
  if (policy.superseded_by) {
    const successor = policies.find((other) => other.id === policy.superseded_by);
    const replaced = successor ? `Replaced by ${successor.name}` : "Replaced by a newer policy";
    return `${replaced} · ${policyDate(policy.date)}`;
  }
  const organisation = policy.id === USER_IDENTITY_PACK ? namedSociety(identities[USER_IDENTITY_PACK]) : policy.organisation;
  return `${organisation} · ${policyDate(policy.date)}`;
}

/** The pack that names no society says whose policy it is once the member has named theirs here. */
function namedSociety(identity) {
  const name = identity?.names?.[0] ?? identity?.acronyms?.[0];
  return name ? `For ${name}` : "For your own society, named here";
}
