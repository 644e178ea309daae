# Turn noweb's markup (after cdefs.awk, finduses and noidx) into pandoc
# Markdown: the book's chapters, and, in a second file, its two indexes.
#
#   awk -v fmt=html|latex -v indexfile=OUT.md [-v identfile=OUT.txt] -f weave.awk STREAM STREAM
#
# The stream is read twice.  The first pass numbers the code chunks in reading
# order and remembers each label's number and name, so that the second pass
# can refer forward ("continued in 12").  Documentation passes through as
# Markdown; [[code]] becomes inline code.  Each code chunk becomes, for HTML, a
# raw block (```{=html}) holding an escaped <pre> whose chunk references and
# identifier uses are links to their definitions, followed by noweb's cross
# references; for LaTeX, a raw block: a labelled head and a Verbatim in which
# a chunk reference prints the chunk's number and page (LaTeX commands of
# book/pdf-header.tex), followed by the same cross references.

function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); gsub(/"/, "\\&quot;", s); return s }

# backslash-escape ASCII punctuation for Markdown
function mdesc(s,    out, i, c) {
  out = ""
  for (i = 1; i <= length(s); i++) {
    c = substr(s, i, 1)
    if (index("\\`*_{}[]()#+-.!<>|$~^&\"'@%:;=/,?", c)) out = out "\\" c
    else out = out c
  }
  return out
}

# scope.awk names a definition local to a file NAME@FILE: show NAME, and the
# file where it helps (the index).
function bare(k) { sub(/@.*$/, "", k); return k }
function scopeof(k) { k = index(k, "@") ? substr(k, index(k, "@") + 1) : ""; gsub(/,/, ", ", k); return k }

function numof(label) { return (label in num) ? num[label] : "?" }

# A link to chunk `label' showing its number.
function cref(label) {
  if (fmt == "html") return "<a class=\"cref\" href=\"#" label "\" title=\"" esc(lname[label]) "\">" numof(label) "</a>"
  return "[" numof(label) "](#" texlab(label) ")"
}

# A chunk's label for LaTeX: inside Verbatim a `-' is an active character
# and cannot be part of a label, so it becomes a `.'.
function texlab(label) { gsub(/-/, ".", label); return label }

function creflist(list, n,    i, s) {
  s = ""
  for (i = 1; i <= n; i++) s = s (i > 1 ? ", " : "") cref(list[i])
  return s
}

# ---- C lexing for the code: comments, strings, keywords ----
# The same lexer serves both editions; only the markup differs: HTML spans, or
# LaTeX commands (\LBcm{...}) inside a fancyvrb Verbatim whose command
# characters are \ { }.
function kw(w) { return w ~ /^(auto|break|case|char|const|continue|default|do|double|else|enum|extern|float|for|goto|if|inline|int|long|register|restrict|return|short|signed|sizeof|static|struct|switch|typedef|union|unsigned|void|volatile|while|_Bool|_Static_assert|bool|true|false|NULL)$/ }

# escape one piece of code text for the edition
function cesc(s) {
  if (fmt == "html") return esc(s)
  gsub(/\\/, "\001", s); gsub(/{/, "\\{", s); gsub(/}/, "\\}", s); gsub(/\001/, "\\textbackslash{}", s)
  return s
}
function sopen(cls) { return fmt == "html" ? "<span class=\"" cls "\">" : "\\LB" cls "{" }
function sclose() { return fmt == "html" ? "</span>" : "}" }

function lex(s,    out, i, c, n, w) {
  out = ""; n = length(s)
  for (i = 1; i <= n; i++) {
    c = substr(s, i, 1)
    if (lexstate == "cm") {
      if (c == "*" && substr(s, i + 1, 1) == "/") { out = out "*/" sclose(); i++; lexstate = ""; continue }
      out = out cesc(c); continue
    }
    if (lexstate == "lc") { out = out cesc(c); continue }
    if (lexstate == "st" || lexstate == "ch") {
      if (c == "\\") { out = out cesc(c substr(s, i + 1, 1)); i++; continue }
      out = out cesc(c)
      if ((lexstate == "st" && c == "\"") || (lexstate == "ch" && c == "'")) { out = out sclose(); lexstate = "" }
      continue
    }
    if (c == "/" && substr(s, i + 1, 1) == "*") { out = out sopen("cm") "/*"; i++; lexstate = "cm"; continue }
    if (c == "/" && substr(s, i + 1, 1) == "/") { out = out sopen("cm") "//"; i++; lexstate = "lc"; continue }
    if (c == "\"") { out = out sopen("st") cesc("\""); lexstate = "st"; continue }
    if (c == "'") { out = out sopen("st") "'"; lexstate = "ch"; continue }
    if (c ~ /[A-Za-z_]/) {
      w = substr(s, i); match(w, /^[A-Za-z_][A-Za-z0-9_]*/); w = substr(w, 1, RLENGTH)
      out = out (kw(w) ? sopen("kw") w sclose() : w); i += length(w) - 1; continue
    }
    if (c == "#" && linestart) {
      w = substr(s, i); match(w, /^#[ \t]*[A-Za-z_]*/); w = substr(w, 1, RLENGTH)
      out = out sopen("pp") cesc(w) sclose(); i += length(w) - 1; continue
    }
    out = out cesc(c)
  }
  if (s !~ /^[ \t]*$/) linestart = 0
  return out
}

# Close what a line leaves open: a // comment ends with it, and no span may
# cross a line (a /* */ comment is reopened on the next one).
function endline() {
  if (lexstate == "lc") { code = code sclose(); lexstate = "" }
  if (lexstate == "st" || lexstate == "ch") { code = code sclose() }
  if (lexstate == "cm") { code = code sclose() "\n" sopen("cm") } else code = code "\n"
  if (lexstate == "st" || lexstate == "ch") lexstate = ""
  linestart = 1
}

# LaTeX text outside code: escape the special characters.
function texesc(s) {
  gsub(/\\/, "\001", s); gsub(/[{}$&#%_]/, "\\\\&", s); gsub(/\^/, "\\^{}", s); gsub(/~/, "\\~{}", s)
  gsub(/\001/, "\\textbackslash{}", s)
  return s
}

# ---- output ----
function out(s) { print s }

function flushdocline() {
  out(docline)
  # Under the title of each chapter, the file it comes from.
  if (firstheading && docline ~ /^# /) {
    firstheading = 0
    out("")
    if (fmt == "html") { out("```{=html}"); out("<p class=\"chapter-source\">" esc(file) "</p>"); out("```") }
    else out("*" mdesc(file) "*")
  }
  docline = ""
}

function emit_chunk(    h, i, name, first, isroot, t, uses) {
  name = chunkname; first = chunkref
  if (fmt == "html") {
    out("")
    out("```{=html}")
    h = "<div class=\"chunk\" id=\"" chunklabel "\" data-files=\"" esc(files[name]) "\">"
    h = h "<div class=\"chunk-head\"><span class=\"chunk-name\">&#x27E8;<a href=\"#" first "\">" esc(name) "</a>&nbsp;<span class=\"chunk-defnum\">" numof(first) "</span>&#x27E9;</span><span class=\"chunk-eq\">" (first == chunklabel ? "&#x2261;" : "+&#x2261;") "</span>"
    h = h "<a class=\"chunk-num\" href=\"#" chunklabel "\" title=\"chunk " numof(chunklabel) "\">" numof(chunklabel) "</a></div>"
    out(h)
    sub(/\n$/, "", code); sub(/\n<span class="cm">$/, "", code)
    out("<pre class=\"chunk-code\"><code>" code "</code></pre>")
    t = ""
    if (ndefs > 0) t = t "<div>" (first == chunklabel ? "Continued in " : "Also defined in ") creflist(defs, ndefs) ".</div>"
    if (nuses > 0) t = t "<div>Used in " creflist(uses_, nuses) ".</div>"
    if (notused) {
      if (name ~ /^generated\//) t = t "<div>Root chunk: <code>make tangle</code> writes it to <code>" esc(name) "</code>.</div>"
      else t = t "<div>Root chunk (not used in this document).</div>"
    }
    if (nidefs > 0) {
      t = t "<div>Defines "
      for (i = 1; i <= nidefs; i++) {
        t = t (i > 1 ? ", " : "") "<code class=\"def\"" (idefscope[i] != "" ? " data-scope=\"" esc(idefscope[i]) "\"" : "") ">" esc(idefs[i]) "</code>"
        if (idefused[i] != "") t = t " (used in " idefused[i] ")"
      }
      t = t ".</div>"
    }
    if (niuses > 0) {
      t = t "<div>Uses "
      for (i = 1; i <= niuses; i++) t = t (i > 1 ? ", " : "") "<code>" esc(iuses[i]) "</code>&nbsp;" cref(iusedef[i])
      t = t ".</div>"
    }
    if (t != "") out("<div class=\"chunk-xref\">" t "</div>")
    out("</div>")
    out("```")
    out("")
  } else {
    out("")
    # The head and the code are raw LaTeX (book/pdf-header.tex defines the
    # commands): the head is the target of the chunk's label, so that a
    # reference elsewhere can print its page; the code is a Verbatim whose
    # command characters let chunk references and highlighting through.
    out("```````{=latex}")
    out("\\LBchunk{" texesc(name) "}{" numof(first) "}{" (first == chunklabel ? "" : "+") "}{" numof(chunklabel) "}{" texlab(chunklabel) "}")
    out("\\begin{LBcode}")
    sub(/\n$/, "", code); sub(/\n\\LBcm{$/, "", code)
    out(code)
    out("\\end{LBcode}")
    out("```````")
    t = ""
    if (ndefs > 0) t = t (first == chunklabel ? "Continued in " : "Also defined in ") creflist(defs, ndefs) ". "
    if (nuses > 0) t = t "Used in " creflist(uses_, nuses) ". "
    if (notused && name ~ /^generated\//) t = t "Root chunk, tangled to " mdesc(name) ". "
    if (nidefs > 0) {
      t = t "Defines "
      for (i = 1; i <= nidefs; i++) t = t (i > 1 ? ", " : "") "`" idefs[i] "`" (idefused[i] != "" ? " (used in " idefused[i] ")" : "")
      t = t ". "
    }
    if (t != "") { out(""); out("\\small " t "\\normalsize"); }
    out("")
  }
}

# ---- pass 1: number the chunks ----
FNR == NR {
  if ($0 ~ /^@begin code /) { nchunks++; wantlabel = 1; indocs1 = 0; next }
  if ($0 ~ /^@begin docs /) { indocs1 = 1; next }
  if (wantlabel && $0 ~ /^@xref label /) { num[$3] = nchunks; lastlabel = $3; wantlabel = 0; next }
  if ($0 ~ /^@defn /) { lname[lastlabel] = substr($0, 7); defname = substr($0, 7); names[defname] = 1; next }
  if ($0 ~ /^@use / && !indocs1) { nkids[defname]++; kid[defname, nkids[defname]] = substr($0, 6); usedname[substr($0, 6)] = 1; next }
  next
}

# Which chunks are C: those a root named *.c or *.h reaches.  Only they are
# highlighted as C; a linker script or a shell script is shown plain.
function mark_c(name,    k) {
  if (name in isc) return
  isc[name] = 1
  for (k = 1; k <= nkids[name]; k++) mark_c(kid[name, k])
}
FNR == 1 && NR != FNR {
  for (n in names) if (n ~ /\.[ch]$/) mark_c(n)
  for (n in names) if (!(n in usedname)) reach(n, n)
}

# The files (roots) that reach each chunk: the HTML records them, so that
# tests/book.sh can check that an identifier link to a file's own definition
# comes from that file.
function reach(name, root,    k) {
  if ((name SUBSEP root) in reached) return
  reached[name, root] = 1
  files[name] = files[name] (files[name] == "" ? "" : " ") root
  for (k = 1; k <= nkids[name]; k++) reach(kid[name, k], root)
}

# ---- pass 2 ----
FNR == 1 { mode = "docs"; docline = "" }

/^@file / {
  file = substr($0, 7); firstheading = 1
  out(""); next
}

/^@begin docs / { mode = "docs"; next }
/^@end docs / { if (docline != "") flushdocline(); next }

mode == "docs" && /^@quote$/ { inquote = 1; quote = ""; quoteref = ""; quoteuse = ""; next }
mode == "docs" && /^@endquote$/ {
  inquote = 0
  fence = "`"; while (index(quote, fence)) fence = fence "`"
  t = fence (substr(quote, 1, 1) == "`" ? " " : "") quote (substr(quote, length(quote)) == "`" ? " " : "") fence
  if (fmt == "html" && quoteuse != "" && quoteuse == quote && quoteref != "") t = "[" t "](#" quoteref ")"
  docline = docline t
  next
}
mode == "docs" && inquote && /^@xref ref / { quoteref = $3; next }
mode == "docs" && inquote && /^@index use / { quoteuse = substr($0, 12); next }
mode == "docs" && inquote && /^@text / { quote = quote substr($0, 7); next }
mode == "docs" && inquote && /^@use / { quote = quote "<<" substr($0, 6) ">>"; next }
mode == "docs" && /^@text / { docline = docline substr($0, 7); next }
mode == "docs" && /^@nl$/ {
  flushdocline()
  next
}

/^@begin code / {
  if (docline != "") flushdocline()
  mode = "code"; chunklabel = ""; chunkref = ""; chunkname = ""; code = ""
  ndefs = 0; nuses = 0; nidefs = 0; niuses = 0; notused = 0; pendref = ""; linkref = ""; linkident = ""
  lexstate = ""; linestart = 1; head = 1; pendisused = ""; nisused = 0
  next
}
mode == "code" && /^@xref label / { if (chunklabel == "") chunklabel = $3; else uselabel = $3; next }
mode == "code" && /^@xref ref / { pendref = ($3 == "nw@notdef" ? "" : $3); next }
mode == "code" && /^@defn / { chunkname = substr($0, 7); chunkref = pendref; pendref = ""; next }
mode == "code" && /^@xref notused / { notused = 1; next }
mode == "code" && /^@xref (prevdef|nextdef) / { next }
mode == "code" && /^@xref defitem / { defs[++ndefs] = $3; next }
mode == "code" && /^@xref useitem / { uses_[++nuses] = $3; next }
mode == "code" && /^@xref (begindefs|enddefs|beginuses|enduses)$/ { next }
mode == "code" && head && /^@nl$/ { head = 0; next }
mode == "code" && /^@index use / { linkref = pendref; linkident = bare(substr($0, 12)); pendref = ""; next }
mode == "code" && /^@index defn / { pendref = ""; next }
mode == "code" && /^@index nl$/ { next }
mode == "code" && /^@index (begindefs|enddefs|beginuses|enduses)$/ { next }
mode == "code" && /^@index isused / {
  if ($3 != chunklabel) pendisused = pendisused (pendisused != "" ? ", " : "") cref($3)
  next
}
mode == "code" && /^@index defitem / { idefscope[nidefs + 1] = scopeof(substr($0, 16)); idefs[++nidefs] = bare(substr($0, 16)); idefused[nidefs] = pendisused; pendisused = ""; next }
mode == "code" && /^@index isdefined / { pendisdefined = $3; next }
mode == "code" && /^@index useitem / { iuses[++niuses] = bare(substr($0, 16)); iusedef[niuses] = pendisdefined; next }
mode == "code" && /^@use / {
  u = substr($0, 6)
  if (fmt == "html") {
    code = code "<span class=\"chunk-use\"" (uselabel != "" ? " id=\"" uselabel "\"" : "") ">&#x27E8;" \
      (pendref != "" ? "<a href=\"#" pendref "\">" esc(u) "</a>&nbsp;<span class=\"chunk-defnum\">" numof(pendref) "</span>" : esc(u) "&nbsp;<span class=\"chunk-defnum\">(undefined)</span>") \
      "&#x27E9;</span>"
  } else code = code (pendref != "" ? "\\LBuse{" cesc(u) "}{" numof(pendref) "}{" texlab(pendref) "}" : "\\LBundef{" cesc(u) "}")
  uselabel = ""; pendref = ""; linestart = 0
  next
}
mode == "code" && /^@text / {
  t = substr($0, 7)
  if (fmt == "html") {
    if (linkident != "" && t == linkident && linkref != "" && lexstate == "") {
      code = code "<a class=\"id\" href=\"#" linkref "\" title=\"defined in chunk " numof(linkref) "\">" esc(t) "</a>"
      linestart = 0
    } else if (chunkname in isc) code = code lex(t)
    else code = code esc(t)
  } else code = code (chunkname in isc ? lex(t) : cesc(t))
  linkident = ""; linkref = ""
  next
}
mode == "code" && /^@nl$/ { endline(); next }
/^@end code / { emit_chunk(); mode = "docs"; next }

# ---- the indexes, after the last chapter ----
/^@xref beginchunks$/ {
  print "# Index of chunks {.unnumbered}" > indexfile
  print "" > indexfile
  if (fmt == "html") { print "```{=html}" > indexfile; print "<ul class=\"chunk-index\">" > indexfile }
  next
}
/^@xref chunkbegin / { ixlabel = $3; ixname = $0; sub(/^@xref chunkbegin [^ ]+ /, "", ixname); nixu = 0; nixd = 0; next }
/^@xref chunkuse / { ixu[++nixu] = $3; next }
/^@xref chunkdefn / { ixd[++nixd] = $3; next }
/^@xref chunkend$/ {
  if (ixlabel == "nw@notdef") {
    if (fmt == "html")
      print "<li><span class=\"chunk-name\">&#x27E8;" esc(ixname) "&#x27E9;</span>: never defined" (nixu ? "; used in " creflist(ixu, nixu) : "") ".</li>" > indexfile
    else
      print "- $\\langle$" mdesc(ixname) "$\\rangle$: never defined" (nixu ? "; used in " creflist(ixu, nixu) : "") "." > indexfile
    next
  }
  if (fmt == "html")
    print "<li><span class=\"chunk-name\">&#x27E8;<a href=\"#" ixlabel "\">" esc(ixname) "</a>&nbsp;<span class=\"chunk-defnum\">" numof(ixlabel) "</span>&#x27E9;</span>: defined in " creflist(ixd, nixd) (nixu ? "; used in " creflist(ixu, nixu) : "") ".</li>" > indexfile
  else
    print "- $\\langle$" mdesc(ixname) "\\ " numof(ixlabel) "$\\rangle$: defined in " creflist(ixd, nixd) (nixu ? "; used in " creflist(ixu, nixu) : "") "." > indexfile
  next
}
/^@xref endchunks$/ {
  if (fmt == "html") { print "</ul>" > indexfile; print "```" > indexfile }
  print "" > indexfile
  next
}
/^@index beginindex$/ {
  print "# Index of identifiers {.unnumbered}" > indexfile
  print "" > indexfile
  if (fmt == "html") { print "```{=html}" > indexfile; print "<ul class=\"ident-index\" id=\"identifier-index\">" > indexfile }
  next
}
/^@index entrybegin / { ixlabel = $3; ixname = $0; sub(/^@index entrybegin [^ ]+ /, "", ixname); nixu = 0; nixd = 0; next }
/^@index entryuse / { ixu[++nixu] = $3; next }
/^@index entrydefn / { ixd[++nixd] = $3; next }
/^@index entryend$/ {
  if (fmt == "html" && identfile != "" && nixd > 0) print ixname, ixd[1], numof(ixd[1]) > identfile
  ixscope = scopeof(ixname); ixname = bare(ixname)
  if (fmt == "html")
    print "<li><code>" esc(ixname) "</code>" (ixscope != "" ? " <span class=\"scope\">(in " esc(ixscope) ")</span>" : "") ": defined in " creflist(ixd, nixd) (nixu ? "; used in " creflist(ixu, nixu) : "") ".</li>" > indexfile
  else
    print "- `" ixname "`" (ixscope != "" ? " (in " mdesc(ixscope) ")" : "") ": defined in " creflist(ixd, nixd) (nixu ? "; used in " creflist(ixu, nixu) : "") "." > indexfile
  next
}
/^@index endindex$/ {
  if (fmt == "html") { print "</ul>" > indexfile; print "```" > indexfile }
  print "" > indexfile
  next
}
{ next }
