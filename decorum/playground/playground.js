// The playground: check a draft with this server's API and show the findings, the flagged words
// highlighted in a copy of the draft. Draft text only ever enters the page as text (text nodes,
// textContent), never as markup, so a draft holding HTML is shown, not run.

const PAUSE_MS = 400;
const SOCIETY_PACK = "society"; // the pack whose policy names no society: the user gives its identity
const SEVERITY_RANK = { info: 0, warning: 1, error: 2 };

const $ = (id) => document.getElementById(id);
const policyNames = new Map();
let latest = 0; // the number of the last check asked for: an older answer arriving late is dropped
let pause;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function setStatus(message, state = "ok") {
  $("status").textContent = message;
  $("status").dataset.state = state;
}

async function loadPolicies() {
  const answer = await (await fetch("/v1/hello")).json();
  if (answer.type !== "hello") throw new Error(answer.message);
  $("policies-loading").remove();
  for (const policy of answer.policies) {
    policyNames.set(policy.id, policy.name);
    const box = element("input");
    box.type = "checkbox";
    box.value = policy.id;
    box.addEventListener("change", checkSoon);
    const label = element("label");
    label.append(box, ` ${policy.name} `, element("span", "hint", `(${policy.id})`));
    $("policies").append(label);
    if (policy.id === SOCIETY_PACK) $("society-policy-name").textContent = policy.name;
  }
}

function chosenPolicies() {
  return [...$("policies").querySelectorAll("input:checked")].map((box) => box.value);
}

function listOf(id) {
  return $(id).value.split(",").map((item) => item.trim()).filter(Boolean);
}

function identityFor(policies) {
  if (!policies.includes(SOCIETY_PACK)) return null;
  const society = { names: listOf("society-names"), acronyms: listOf("society-acronyms"), handles: listOf("society-handles") };
  return Object.values(society).some((list) => list.length) ? { [SOCIETY_PACK]: society } : null;
}

function checkSoon() {
  $("society-identity").hidden = !chosenPolicies().includes(SOCIETY_PACK);
  $("draft-length").textContent = `${$("draft").value.length.toLocaleString()} characters`;
  clearTimeout(pause);
  pause = setTimeout(check, PAUSE_MS);
}

async function check() {
  clearTimeout(pause);
  const number = ++latest;
  const text = $("draft").value;
  const policies = chosenPolicies();
  if (!text.trim() || !policies.length) {
    show(text, []);
    setStatus(policies.length ? "Type or paste a draft." : "Pick at least one policy.");
    return;
  }
  setStatus("Checking…");
  let answer;
  try {
    const response = await fetch("/v1/check", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text, policies, identity: identityFor(policies) }),
    });
    answer = await response.json();
  } catch (failure) {
    if (number === latest) setStatus(`The engine did not answer (${failure.message}).`, "error");
    return;
  }
  if (number !== latest) return;
  if (answer.type === "error") {
    show(text, []);
    setStatus(answer.message, "error");
    return;
  }
  show(text, answer.findings);
  const count = answer.findings.length;
  const left = answer.truncated ? `, and ${answer.truncated} more not shown` : "";
  setStatus(count ? `${count} finding${count === 1 ? "" : "s"}${left}.` : "No findings.");
}

function show(text, findings) {
  $("rendering").replaceChildren(...(findings.length ? highlighted(text, findings) : []));
  $("findings").replaceChildren(...findings.map((finding, index) => card(text, finding, index)));
}

// The draft cut at every finding's start and end; each piece inside a finding is a <mark>.
// Offsets are UTF-16 code units, which is what JavaScript string indices count.
function highlighted(text, findings) {
  const cuts = [...new Set([0, text.length, ...findings.flatMap((f) => [f.start, f.end])])].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const piece = document.createTextNode(text.slice(from, to));
    const covering = findings.map((f, index) => ({ f, index })).filter(({ f }) => f.start <= from && to <= f.end);
    if (!covering.length) {
      pieces.push(piece);
      continue;
    }
    const mark = element("mark");
    mark.dataset.findings = covering.map(({ index }) => index).join(" ");
    mark.dataset.severity = covering.map(({ f }) => f.severity).reduce((a, b) => (SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a));
    mark.title = covering.map(({ f }) => f.message).join("\n");
    mark.append(piece);
    pieces.push(mark);
  }
  return pieces;
}

function card(text, finding, index) {
  const item = element("li", "finding");
  item.dataset.severity = finding.severity;
  item.dataset.rule = finding.rule;
  const heading = element("div");
  heading.append(element("span", "severity", finding.severity), " ", element("span", "policy", policyNames.get(finding.policy) ?? finding.policy));
  item.append(heading, element("p", "message", finding.message));
  if (finding.end > finding.start) item.append(element("p", "excerpt", `At “${text.slice(finding.start, finding.end)}”`));
  item.append(element("blockquote", "quote", finding.clause.quote), element("p", "section", `— ${finding.clause.section}`));
  if (finding.fix) item.append(element("p", "fix", `Fix: append “${finding.fix.text}”`));
  const marks = () => $("rendering").querySelectorAll("mark");
  const focus = (on) => marks().forEach((mark) => mark.classList.toggle("focused", on && mark.dataset.findings.split(" ").includes(String(index))));
  item.addEventListener("mouseenter", () => focus(true));
  item.addEventListener("mouseleave", () => focus(false));
  return item;
}

$("draft").addEventListener("input", checkSoon);
for (const id of ["society-names", "society-acronyms", "society-handles"]) $(id).addEventListener("input", checkSoon);
$("check").addEventListener("click", check);
loadPolicies().catch((failure) => setStatus(`Could not load the policies: ${failure.message}`, "error"));
