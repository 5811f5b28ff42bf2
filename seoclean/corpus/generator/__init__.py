"""Synthetic SEO spam from clean Markdown articles, deterministic by seed, with span ground truth.

One module per transformation (``spinner``, ``stuffer``, ``boilerplate``, ``duplication``,
``mashup``); ``chrome`` wraps clean articles in ordinary site chrome; ``render`` turns Markdown
into plain text or an HTML page while moving the spans; ``variants`` decides what each row is.
"""
