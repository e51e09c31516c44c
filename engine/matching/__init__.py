"""The regex machinery that makes matching many patterns against a draft fast and safe.

It knows nothing of policies, organisations or categories: the detectors (engine/detectors/)
describe what to look for, and this package finds it.

- ``safe_patterns``: compiling once, refusing patterns too long, too deep or catastrophic;
- ``time_limits``: CPU-time limits that stop only runaway scans;
- ``scanning``: every match of a pattern in a draft's paragraphs (or stretches of them), once per draft, within its limit;
- ``alternation``: one alternation split into one pattern per branch;
- ``required_literals``: the literals every match of a pattern must contain;
- ``analysis_store``: the answers of those two, kept on disk between starts;
- ``word_lookups``: which literals each paragraph (and each word) of a draft holds;
- ``pieces``: a long paragraph looked up piece by piece, cut at line breaks and sentences' ends;
- ``literal_index``: every literal the word lists look for, and where a draft holds each;
- ``reach``: how far from a literal it requires a match of a pattern can reach, and which cuts it cannot run over;
- ``word_lists``: alternatives run as only the branches a draft holds the words of.
"""
