"""A site's own scripts (and every third-party script on it) learn nothing from Decorum.

What a member's warnings say is a membership oracle: the policies switched on, the society they
name, the words flagged. Page scripts run in the page's world; these tests play one, with the
real extension and host, and look everywhere a page can: the DOM and every open shadow root,
the CSS highlight registry, the extension's files, and a compose box of its own making.
"""

from __future__ import annotations

from composers import MAIN_COMPOSERS, each
from native_host import EXTENSION_ID
from service_worker import set_settings

IDENTITY = {"society": {"names": ["British Society of Clinical Imaging"], "acronyms": ["BSCI"], "handles": ["@BSCI_UK"]}}
DRAFT = "Thrilled to be elected to the BSCI council!"
each_editor = each(MAIN_COMPOSERS, "site, editor", by_site=False)

# Everything a page script can read: the markup, every open shadow root (recursively), the
# highlight registry, and the elements nobody on the page asked for.
PAGE_LOOKS = """() => {
  const texts = [document.documentElement.outerHTML];
  const visit = (root) => {
    for (const element of root.querySelectorAll("*")) {
      if (element.shadowRoot) {
        texts.push(element.shadowRoot.innerHTML);
        visit(element.shadowRoot);
      }
    }
  };
  visit(document);
  const highlights = [...CSS.highlights].map(([name, highlight]) => [name, [...highlight].map((r) => r.toString())]);
  return { text: texts.join("\\n"), highlights };
}"""


@each_editor
def test_a_page_script_reads_nothing_of_the_warnings(sites, site, editor):
    set_settings(sites.context, identities=IDENTITY)
    draft = sites.draft(site, editor, policies=["society", "icis"])
    draft.type(DRAFT)
    finding = draft.wait_for_finding("society", "disclaimer", record=False)
    draft.expand()
    message = finding.text(".message")
    fix_text = finding.attribute('[data-action="fix"]', "data-fix-text")
    assert "BSCI" in fix_text  # what the member sees names their society

    seen = draft.page.evaluate(PAGE_LOOKS)

    assert seen["highlights"] == []
    for secret in (message, fix_text, "data-decorum", "data-policy", "Decorum"):
        assert secret not in seen["text"]
    # The page can tell there is an element it did not make, and nothing about it.
    strangers = draft.page.evaluate(
        """() => [...document.body.children].filter((e) => e.tagName === "DIV" && e.shadowRoot === null
             && e.attributes.length === 1 && e.getBoundingClientRect().width === 0).length"""
    )
    assert strangers >= 1


@each_editor
def test_a_box_the_page_plants_and_fills_is_never_checked(sites, site, editor):
    """A page cannot make Decorum check words of its choosing: only a box the member types into is read."""
    set_settings(sites.context, identities=IDENTITY)
    draft = sites.draft(site, editor, policies=["society", "icis"])
    page = draft.page
    page.evaluate(
        """(text) => {
          window.__added = [];
          new MutationObserver((records) => {
            for (const r of records) for (const n of r.addedNodes) if (n.id !== "planted") window.__added.push(n.nodeName);
          }).observe(document.body, { childList: true });
          const box = document.createElement("div");
          box.id = "planted";
          box.contentEditable = "true";
          box.style.cssText = "position: fixed; left: -9999px; top: 0; width: 300px; height: 50px;";
          document.body.append(box);
          box.focus();
          document.execCommand("insertText", false, text);
          box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: text }));
          box.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, key: "a" }));
        }""",
        "We are all BSCI members here. #ICIS2025",
    )
    page.wait_for_timeout(2_000)  # several debounces, and a check's round trip

    assert page.evaluate("() => document.getElementById('planted').textContent").startswith("We are all BSCI")
    assert page.evaluate("() => window.__added") == []
    assert draft.panel.panel_count() == 0


def test_the_extension_has_no_file_a_page_can_fetch(sites):
    draft = sites.draft("x", "composer", policies=["icis"])
    draft.type("Off to #ICIS2025")
    draft.wait_for_finding("icis", "disclaimer", record=False)  # it runs on this page

    answers = draft.page.evaluate(
        """async (base) => {
          const answers = {};
          for (const path of ["manifest.json", "build/content.js", "content/main.js", "platform.js", "popup/popup.html", "icons/icon16.png"]) {
            try {
              answers[path] = (await fetch(base + path)).status;
            } catch (error) {
              answers[path] = "refused";
            }
          }
          return answers;
        }""",
        f"chrome-extension://{EXTENSION_ID}/",
    )
    assert set(answers.values()) == {"refused"}, answers
