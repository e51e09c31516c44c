// What the background adds to a draft before the host checks it. Run: node --test extension/tests/
import assert from "node:assert/strict";
import { test } from "node:test";

import { checkRequest } from "../background/check-request.js";

const HOST_POLICIES = [
  { id: "icis", profile_disclaimer: false },
  { id: "rcr", profile_disclaimer: true },
  { id: "ipem", profile_disclaimer: true },
  { id: "society", profile_disclaimer: false },
];
const NOTHING_SET = { activePolicies: [], identities: {}, profileDisclaimer: [] };
const DRAFT = { text: "Great RCR and ICIS teaching day", site: "x" };

test("no policy switched on means no request: the host is not asked", () => {
  assert.equal(checkRequest(DRAFT, NOTHING_SET, HOST_POLICIES), null);
  assert.equal(checkRequest(DRAFT, { ...NOTHING_SET, activePolicies: ["bma"] }, HOST_POLICIES), null);
});

test("the request carries the active policies the host has, in the user's order", () => {
  const settings = { ...NOTHING_SET, activePolicies: ["rcr", "bma", "icis"] };
  assert.deepEqual(checkRequest(DRAFT, settings, HOST_POLICIES), {
    type: "check",
    text: DRAFT.text,
    policies: ["rcr", "icis"],
    identity: {},
    profile_disclaimer: [],
    sensitivity: "balanced",
    site: "x",
  });
});

test("the learned check's sensitivity is sent as set, balanced when nothing is", () => {
  const settings = { ...NOTHING_SET, activePolicies: ["icis"] };
  assert.equal(checkRequest(DRAFT, settings, HOST_POLICIES).sensitivity, "balanced");
  assert.equal(checkRequest(DRAFT, { ...settings, sensitivity: "more" }, HOST_POLICIES).sensitivity, "more");
});

test("before the host's hello, every stored policy is sent", () => {
  const settings = { ...NOTHING_SET, activePolicies: ["rcr", "bma"] };
  assert.deepEqual(checkRequest(DRAFT, settings, null).policies, ["rcr", "bma"]);
});

test("identities are sent only for the policies checked", () => {
  const society = { names: ["British Society of Clinical Imaging"], acronyms: ["BSCI"], handles: [] };
  const settings = { ...NOTHING_SET, activePolicies: ["society"], identities: { society, icis: society } };
  assert.deepEqual(checkRequest(DRAFT, settings, HOST_POLICIES).identity, { society });
});

test("profile_disclaimer holds the stored packs that are switched on and known to the host", () => {
  const settings = {
    ...NOTHING_SET,
    activePolicies: ["icis", "rcr", "bma"],
    profileDisclaimer: ["ipem", "rcr", "bma"], // ipem is off; bma is unknown to this host
  };
  assert.deepEqual(checkRequest(DRAFT, settings, HOST_POLICIES).profile_disclaimer, ["rcr"]);
});

test("profile_disclaimer is sent even when empty, and the host decides which packs it silences", () => {
  const nothingOnProfile = { ...NOTHING_SET, activePolicies: ["icis"] };
  assert.deepEqual(checkRequest(DRAFT, nothingOnProfile, HOST_POLICIES).profile_disclaimer, []);
  // icis wants the statement in the post; the host keeps its finding, so the id is passed on as stored.
  const icisOnProfile = { ...nothingOnProfile, profileDisclaimer: ["icis"] };
  assert.deepEqual(checkRequest(DRAFT, icisOnProfile, HOST_POLICIES).profile_disclaimer, ["icis"]);
});

test("a draft from a page that is none of the sites is checked as 'other'", () => {
  const settings = { ...NOTHING_SET, activePolicies: ["icis"] };
  assert.equal(checkRequest({ text: "ICIS" }, settings, HOST_POLICIES).site, "other");
});
