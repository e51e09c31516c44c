"""The regex machinery that makes matching many patterns against a draft fast and safe.

It knows nothing of policies, organisations or categories: the detectors (engine/detectors/)
describe what to look for, and this package finds it.

- ``safe_patterns``: compiling once, refusing patterns too long, too deep or catastrophic;
- ``time_limits``: CPU-time limits that stop only runaway scans;
- ``scanning``: every match of a pattern in a draft's paragraphs (or windows of them), once per draft, within its limit;
- ``alternation``: one alternation split into one pattern per branch;
- ``required_literals``: the literals every match of a pattern must contain;
- ``analysis_store``: the answers of those two, kept on disk between starts;
- ``word_lookups``: which literals each paragraph (and each word) of a draft holds;
- ``literal_index``: which branch of which word list each literal picks out;
- ``reach``: how far from a literal it requires a match of a pattern can reach;
- ``windows``: the windows of a long paragraph a branch is scanned in, around its literals;
- ``word_lists``: alternatives run as only the branches a draft holds the words of.
"""
