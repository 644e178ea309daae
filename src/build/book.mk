# The woven book (HTML, and PDF on request) and its check.
# Scripts: src/build/book.sh (driver), cdefs.awk (C definitions for noweb's
# index), weave.awk (noweb markup -> pandoc Markdown), identlinks.lua (inline
# code naming an identifier links to its chunk).  Sources: every .nw
# chapter, proofs-notes/*.md, and book/ (intro.md, chapters.txt, style).

BOOK_INPUTS = $(NW_DOCS) $(wildcard proofs-notes/*.md) book/intro.md book/chapters.txt \
              book/metadata.yaml src/build/book.sh src/build/cdefs.awk src/build/scope.awk src/build/weave.awk \
              src/build/identlinks.lua
CHECK_TARGETS += check-book

.PHONY: book book-pdf check-book

book: book/litbpf.html
book/litbpf.html: $(BOOK_INPUTS) book/litbpf.css
	@src/build/book.sh html

book-pdf: deps-pdf
	@$(MAKE) book/litbpf.pdf
book/litbpf.pdf: $(BOOK_INPUTS) book/pdf-header.tex
	@src/build/book.sh pdf

check-book: book/litbpf.html
	@tests/book.sh book/litbpf.html

# The PDF is set by lualatex, which reads UTF-8 natively (pdflatex stops at the
# first symbol it has no definition for); DejaVu covers the symbols we use.
DEB_PDF_PACKAGES += texlive-luatex fonts-dejavu-core
