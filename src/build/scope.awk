# A noweb filter, between finduses and noidx: keep only the identifier uses
# that C's scope rules make right, and tell apart definitions of one name in
# different files.
#
#   awk -f scope.awk STREAM STREAM
#
# finduses marks every occurrence of a defined name as a use of it.  C is not
# that simple, and where a link cannot be right this filter leaves it out:
#   - a name after `.' or `->' is a struct member, never a global: no use;
#   - a name being declared (a field, a local, a parameter: it follows a type,
#     `uint8_t *stack;') is a new name, not a use; nor is a name on the line
#     that defines it, nor one inside a comment or a string;
#   - a definition in a chunk that only .c files reach, other than a function
#     or table with external linkage (a `static', a macro, a tag, a typedef, an
#     enumerator), is local to those files: uses in other files do not see it.
#     Such a definition is renamed NAME@FILE[,FILE...] (for noidx, which matches uses to
#     definitions by name alone), and so are the uses that see it; weave.awk
#     shows the name and, in the index, the file.
# A use that sees a file's own definition takes it over a global one (the
# file's `static' shadows the header's name); a use that sees none is dropped.
# Chunks are assigned to files through the root chunks that reach them.
#
# The stream is read twice: first the chunk graph and the definitions, then
# the rewrite.

function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }

# The roots (files) that reach chunk `name', as a space-separated sorted list.
function reach(name, root,    k) {
  if ((name SUBSEP root) in reached) return
  reached[name, root] = 1
  roots[name] = roots[name] (roots[name] == "" ? "" : " ") root
  for (k = 1; k <= nkids[name]; k++) reach(kid[name, k], root)
}

# Is the definition of `ident' on this line (text before it: `pre') one of
# external linkage?  Only a function or a table at column 0 that is neither
# static nor a type or macro.
function external(line) {
  if (line !~ /^[A-Za-z_]/) return 0
  if (line ~ /^(static|typedef|START_TEST)[^A-Za-z0-9_]/) return 0
  # a tag's definition, not a function returning a struct or an enum
  if (line ~ /^(struct|union|enum)[^A-Za-z0-9_]/ && line !~ /^[^{]*\(/) return 0
  return 1
}

# C's scalar type names and our typedefs: a name after one of them (and
# stars) is being declared.
function typeword(w) {
  return w ~ /^(void|char|short|int|long|float|double|signed|unsigned|bool|_Bool|const|volatile)$/ ||
         w ~ /_t$/ || (w in typedefs)
}

# Is the token that ends `pre' a declarator position: `TYPE *' or `struct X '?
function declared(pre,    t, w) {
  t = pre
  if (t !~ /[A-Za-z0-9_][ \t*]+$/) return 0
  sub(/[ \t*]+$/, "", t)
  if (!match(t, /[A-Za-z_][A-Za-z0-9_]*$/)) return 0
  w = substr(t, RSTART)
  t = substr(t, 1, RSTART - 1)
  if (typeword(w)) return 1
  # struct X name, union X name, enum X name
  if (t ~ /(struct|union|enum)[ \t]+$/) return 1
  return 0
}

# Track comments and strings through the text of a code line.
function lexscan(s,    i, c, n) {
  n = length(s)
  for (i = 1; i <= n; i++) {
    c = substr(s, i, 1)
    if (lx == "cm") { if (c == "*" && substr(s, i + 1, 1) == "/") { lx = ""; i++ } continue }
    if (lx == "st" || lx == "ch") {
      if (c == "\\") { i++; continue }
      if ((lx == "st" && c == "\"") || (lx == "ch" && c == "'")) lx = ""
      continue
    }
    if (c == "/" && substr(s, i + 1, 1) == "*") { lx = "cm"; i++; continue }
    if (c == "/" && substr(s, i + 1, 1) == "/") { lx = "lc"; return }
    if (c == "\"") lx = "st"
    else if (c == "'") lx = "ch"
  }
}

# Does a chunk of the files `users' see a header among `headers': is it one
# of them, or does it include one, directly or through another header?  (An
# included header is recorded in rinc as " PATH@".)  A definition in a
# header that no user includes is not linked.  Code in a header sees what
# the files that include it see.
function sees(users, headers,    x, y, i, j, nx, ny, r) {
  # code in a header sees what the files that include it see
  nx = split(users, x, " ")
  for (i = 1; i <= nx; i++) if (x[i] ~ /\.h$/) for (r in rinc) if (index(rinc[r] " ", " " x[i] "@ ")) users = users " " r
  nx = split(users, x, " "); ny = split(headers, y, " ")
  for (i = 1; i <= nx; i++) for (j = 1; j <= ny; j++)
    if (x[i] == y[j] || index(rinc[x[i]] " ", " " y[j] "@ ")) return 1
  return 0
}

function intersects(a, b,    x, y, i, j, na, nb) {
  na = split(a, x, " "); nb = split(b, y, " ")
  for (i = 1; i <= na; i++) for (j = 1; j <= nb; j++) if (x[i] == y[j]) return 1
  return 0
}

# ---- pass 1: the chunk graph, and every definition with its line ----
FNR == NR && /^@begin code / { incode = 1; line = ""; next }
FNR == NR && /^@end code / { incode = 0; next }
FNR == NR && /^@defn / { cur = substr($0, 7); names[cur] = 1; next }
FNR == NR && incode && /^@use / { u = substr($0, 6); used[u] = 1; nkids[cur]++; kid[cur, nkids[cur]] = u; next }
FNR == NR && incode && /^@text / { line = line substr($0, 7); next }
FNR == NR && /^@nl$/ {
  if (incode && match(line, /^[ \t]*#[ \t]*include[ \t]*"[^"]+"/)) {
    t = substr(line, RSTART, RLENGTH); sub(/^[^"]*"/, "", t); sub(/"$/, "", t); includes[cur] = includes[cur] " " t
  }
  nl++; line = ""; next
}
FNR == NR && incode && /^@index defn / {
  d = substr($0, 13)
  ndef++; dname[ndef] = d; dchunk[ndef] = cur; dline[ndef] = line; defat[nl, d] = 1
  if (line ~ /^[ \t]*typedef[^A-Za-z0-9_]/ || line ~ /^}[ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*;/) typedefs[d] = 1
  next
}
FNR == NR { next }

# Between the passes: files, and the scope of every definition.
FNR == 1 {
  for (n in names) if (!(n in used)) reach(n, n)
  # What each file includes ("NAME.h", by its last path component), with what
  # the included files include in turn.
  for (n in names) {
    m = split(roots[n], rs, " ")
    for (k = 1; k <= m; k++) rinc[rs[k]] = rinc[rs[k]] includes[n]
  }
  for (n in names) if (!(n in used)) { b = n; sub(/.*\//, "", b); bybase[b] = bybase[b] " " n }
  for (pass = 0; pass < 6; pass++)
    for (r in rinc) {
      m = split(rinc[r], is, " ")
      for (k = 1; k <= m; k++) {
        q = split(bybase[is[k]], hs, " ")
        for (j = 1; j <= q; j++) if (!index(rinc[r] " ", " " hs[j] "@")) rinc[r] = rinc[r] " " rinc[hs[j]] " " hs[j] "@"
      }
    }
  for (i = 1; i <= ndef; i++) {
    r = roots[dchunk[i]]; hdr = 0; cfile = 0
    nr = split(r, rs, " ")
    for (k = 1; k <= nr; k++) { if (rs[k] ~ /\.h$/) hdr = 1; if (rs[k] ~ /\.c$/) cfile = 1 }
    if (cfile && !hdr && external(dline[i])) { global[dname[i]] = 1; dkey[i] = dname[i] }
    else if (hdr) { global[dname[i]] = 1; dkey[i] = dname[i]; hroots[dname[i]] = hroots[dname[i]] " " r }
    else {
      key = r; gsub(/ /, ",", key)
      dkey[i] = dname[i] "@" (nr > 0 ? key : dchunk[i])
      nlocal[dname[i]]++; lroots[dname[i], nlocal[dname[i]]] = r; lkey[dname[i], nlocal[dname[i]]] = dkey[i]
    }
  }
  idef = 0; nl = 0
}

# ---- pass 2: rewrite ----
/^@begin code / { incode = 1; line = ""; lx = ""; print; next }
/^@end code / { incode = 0; print; next }
/^@defn / { cur = substr($0, 7); print; next }
/^@nl$/ { nl++ }
incode && /^@nl$/ { line = ""; if (lx == "lc") lx = ""; if (lx == "st" || lx == "ch") lx = ""; print; next }
incode && /^@text / { t = substr($0, 7); lexscan(t); line = line t; print; next }
incode && /^@index defn / { idef++; print "@index defn " dkey[idef]; next }
incode && /^@index use / {
  u = substr($0, 12)
  if (lx != "") next
  if (line ~ /(\.|->)[ \t]*$/) next
  if (declared(line)) next
  if ((nl SUBSEP u) in defat) next
  key = ""
  for (k = 1; k <= nlocal[u]; k++) if (intersects(lroots[u, k], roots[cur])) { key = lkey[u, k]; break }
  if (key == "" && (u in global) && (!(u in hroots) || sees(roots[cur], hroots[u]))) key = u
  if (key == "") next
  print "@index use " key
  next
}
{ print }
