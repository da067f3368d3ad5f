"""Imported by the extraction workers' fork server (``loaders/workers.py``): building the
extractor here, once, and running it on a short article (cue tables, compiled patterns and
Kiwi's model load on first use) means every worker forked from the server starts warm, with
all of it in pages shared with its siblings instead of a copy of its own (seconds and
500 MB each)."""

from allygraph.loaders.pipeline import default_extractor, extract_text

default_extractor()
extract_text("제목\n\nKT와 LG전자가 'AI 원팀'에 합류했다.", {"published": "2020-06-03"})
