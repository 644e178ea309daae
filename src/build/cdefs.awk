# A noweb filter: find the C identifiers that a code chunk defines and
# announce them with "@index defn NAME", so that finduses and noidx can link
# every use to its definition and build the index of identifiers.
#
# noweb ships autodefs.c for this, but its guesses are poor for our style (it
# misses struct tags, enumerators and typedef'd function pointers, and takes
# the return type of a function-pointer typedef for the name).  This filter
# reads each code line whole and recognises, in order:
#   #define NAME                        macros
#   struct|union|enum NAME {            tags
#   enumerators inside an enum body     NAME, NAME = value
#   typedef ... NAME;  typedef ... (*NAME)(...);  } NAME; closing a typedef
#   functions, declared or defined at column 0:  type NAME(
#   tables at column 0:  static|extern ... NAME[...] = / ;
#   Check test cases:  START_TEST(NAME)
# Lines inside a function body are, in our chunks, indented or start with a
# statement keyword, so local variables are not taken for definitions.
# The stream passes through unchanged apart from the added @index lines, which
# go just before the @nl that ends the defining line.

function reset_line() { line = ""; pending = "" }

function add(name) {
  if (name == "" || length(name) < 2 || (name in seen)) return
  seen[name] = 1
  pending = pending "@index defn " name "\n"
}

# Strip comments and string literals so that they cannot look like code.
function clean(s,    out, i, c, n) {
  out = ""; n = length(s)
  for (i = 1; i <= n; i++) {
    c = substr(s, i, 1)
    if (incomment) {
      if (c == "*" && substr(s, i + 1, 1) == "/") { incomment = 0; i++ }
      continue
    }
    if (c == "/" && substr(s, i + 1, 1) == "*") { incomment = 1; i++; out = out " "; continue }
    if (c == "/" && substr(s, i + 1, 1) == "/") break
    if (c == "\"" || c == "'") {
      q = c; out = out " "
      for (i++; i <= n; i++) {
        c = substr(s, i, 1)
        if (c == "\\") { i++; continue }
        if (c == q) break
      }
      continue
    }
    out = out c
  }
  return out
}

function enumerators(body,    items, k, m, it) {
  m = split(body, items, ",")
  for (k = 1; k <= m; k++) {
    it = items[k]
    sub(/^[ \t]+/, "", it)
    if (match(it, /^[A-Za-z_][A-Za-z0-9_]*/)) {
      rest = substr(it, RLENGTH + 1)
      if (rest ~ /^[ \t]*(=.*)?[ \t]*$/) add(substr(it, 1, RLENGTH))
    }
  }
}

function analyse(raw,    s, t, body) {
  s = clean(raw)
  if (s ~ /^[ \t]*$/) return
  # inside an enum body: every item up to the closing brace
  if (inenum) {
    body = s
    if (index(body, "}")) { body = substr(body, 1, index(body, "}") - 1); inenum = 0 }
    enumerators(body)
    if (!inenum && typedefdepth && match(s, /}[ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*;/)) {
      t = substr(s, RSTART + 1, RLENGTH - 2); gsub(/[ \t]/, "", t); add(t); typedefdepth = 0
    }
    return
  }
  if (typedefdepth && match(s, /^}[ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*;/)) {
    t = substr(s, 2, RLENGTH - 2); gsub(/[ \t]/, "", t); add(t); typedefdepth = 0
    return
  }
  if (match(s, /^[ \t]*#[ \t]*define[ \t]+[A-Za-z_][A-Za-z0-9_]*/)) {
    t = substr(s, RSTART, RLENGTH); sub(/^[ \t]*#[ \t]*define[ \t]+/, "", t); add(t)
    return
  }
  if (s ~ /^[ \t]*#/) return
  # Check's test cases, so that the notes can name the test behind a claim
  if (match(s, /^START_TEST[ \t]*\([ \t]*[A-Za-z_][A-Za-z0-9_]*/)) {
    t = substr(s, RSTART, RLENGTH); sub(/^START_TEST[ \t]*\([ \t]*/, "", t); add(t)
    return
  }
  if (s ~ /^[ \t]*(typedef[ \t]+)?(static[ \t]+)?(const[ \t]+)?(struct|union|enum)[ \t]+[A-Za-z_][A-Za-z0-9_]*[ \t]*{/ ||
      s ~ /^[ \t]*(typedef[ \t]+)?(static[ \t]+)?(const[ \t]+)?enum[ \t]*{/) {
    t = s; sub(/^[ \t]*(typedef[ \t]+)?(static[ \t]+)?(const[ \t]+)?(struct|union|enum)[ \t]*/, "", t)
    if (match(t, /^[A-Za-z_][A-Za-z0-9_]*/)) add(substr(t, 1, RLENGTH))
    if (s ~ /^[ \t]*typedef/) typedefdepth = 1
    if (s ~ /enum[ \t]*[A-Za-z0-9_]*[ \t]*{/) {
      body = substr(s, index(s, "{") + 1)
      inenum = 1
      if (index(body, "}")) {
        inenum = 0
        rest = substr(body, index(body, "}") + 1)
        body = substr(body, 1, index(body, "}") - 1)
        if (typedefdepth && match(rest, /^[ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*;/)) {
          t = substr(rest, RSTART, RLENGTH - 1); gsub(/[ \t]/, "", t); add(t); typedefdepth = 0
        }
      }
      enumerators(body)
    } else if (index(s, "}")) typedefdepth = 0
    return
  }
  if (s ~ /^[ \t]*typedef[ \t]/) {
    if (match(s, /\([ \t]*\*[ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*\)/)) {
      t = substr(s, RSTART, RLENGTH); gsub(/[()* \t]/, "", t); add(t)
    } else if (match(s, /[A-Za-z_][A-Za-z0-9_]*[ \t]*(\[[^]]*\][ \t]*)*;[ \t]*$/)) {
      t = substr(s, RSTART, RLENGTH); sub(/[ \t]*(\[.*)?;.*$/, "", t); add(t)
    }
    return
  }
  # column-0 declarations only: functions and file-scope tables
  if (s !~ /^[A-Za-z_]/) return
  if (s ~ /^(return|if|else|while|for|do|switch|case|default|goto|break|continue|sizeof)[^A-Za-z0-9_]/) return
  if (match(s, /^[A-Za-z_][^(=;{}[]*[ \t*][A-Za-z_][A-Za-z0-9_]*[ \t]*\(/)) {
    t = substr(s, 1, RLENGTH - 1); sub(/[ \t]+$/, "", t)
    if (match(t, /[A-Za-z_][A-Za-z0-9_]*$/)) add(substr(t, RSTART))
    return
  }
  if (s ~ /^(static|extern)[ \t]/ &&
      match(s, /[A-Za-z_][A-Za-z0-9_]*[ \t]*(\[[^]]*\][ \t]*)*(=|;)/)) {
    t = substr(s, RSTART, RLENGTH); sub(/[ \t]*(\[.*)?[=;]$/, "", t); sub(/[ \t]+$/, "", t); add(t)
  }
}

BEGIN { incode = 0; reset_line() }
/^@begin code / { incode = 1; split("", seen); incomment = 0; inenum = 0; typedefdepth = 0; reset_line(); print; next }
/^@end code / { incode = 0; print; next }
incode && /^@text / { line = line substr($0, 7); print; next }
incode && /^@nl$/ {
  analyse(line)
  printf "%s", pending
  reset_line()
  print; next
}
{ print }
