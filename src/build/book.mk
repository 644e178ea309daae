# The woven book (HTML, and PDF on request) and its check.
# Scripts: src/build/book.sh (driver), cdefs.awk (C definitions for noweb's
# index), weave.awk (noweb markup -> pandoc Markdown), identlinks.lua (inline
# code naming an identifier links to its chunk).  Sources: every .nw
# chapter, proofs-notes/*.md, and book/ (intro.md, chapters.txt, style).

BOOK_INPUTS = $(NW_DOCS) $(wildcard proofs-notes/*.md) book/intro.md book/chapters.txt \
              book/metadata.yaml src/build/book.sh src/build/cdefs.awk src/build/scope.awk src/build/weave.awk \
              src/build/identlinks.lua src/build/figures.lua $(FIGURE_SOURCES)
# Figures: graphviz sources (book/figures/*.dot, or beside a chapter) and the
# benchmark charts; a chapter names one with ![Caption.](path).
FIGURE_SOURCES = $(shell find book spec lit proofs-notes -name '*.dot' 2>/dev/null) $(wildcard bench/results/*.png)
CHECK_TARGETS += check-book check-facts check-book-pdf

.PHONY: book book-pdf check-book check-facts check-book-pdf book-check

book: book/litbpf.html
book/litbpf.html: $(BOOK_INPUTS) book/litbpf.css
	@src/build/book.sh html

book-pdf: deps-pdf
	@$(MAKE) book/litbpf.pdf
book/litbpf.pdf: $(BOOK_INPUTS) book/pdf-header.tex
	@src/build/book.sh pdf

check-book: book/litbpf.html
	@tests/book.sh book/litbpf.html

# The figures the prose quotes (marked <!-- fact KEY -->) against the values
# src/build/facts.sh computes from bench/results, the tests and the Makefiles.
check-facts:
	@tests/facts.sh

# The PDF: no raw chunk reference, no unresolved page reference, every
# chapter.  Installing LaTeX takes about a minute on a fresh machine and the
# PDF two to three, so the check is part of `make check'.
check-book-pdf: deps-pdf
	@$(MAKE) book/litbpf.pdf
	@tests/book-pdf.sh book/litbpf.pdf

BOOK_SHOT_CHAPTER ?= the-abstract-semantics
# For a look at the style: every check of the book, and screenshots of the
# first page and of one chapter by a headless chromium, in build/book/shots/.
book-check: check-book check-facts check-book-pdf
	@src/build/deps.sh $(DEB_SHOT_PACKAGES)
	@BOOK_SHOT_CHAPTER=$(BOOK_SHOT_CHAPTER) src/build/book-shots.sh book/litbpf.html build/book/shots

# The PDF is set by lualatex, which reads UTF-8 natively (pdflatex stops at the
# first symbol it has no definition for); DejaVu covers the symbols we use.
DEB_PDF_PACKAGES += texlive-luatex fonts-dejavu-core poppler-utils
DEB_SHOT_PACKAGES := chromium
