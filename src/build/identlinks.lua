-- A pandoc filter for the HTML book: inline code in the prose that names a C
-- identifier some chunk defines (`lbpf_verify`, or `lbpf_verify()`) becomes a
-- link to that chunk, in the chapters and in the proof notes alike.  The
-- identifiers come from weave.awk, one "identifier label chunk-number" per
-- line, in the file named by the environment variable LITBPF_IDENTS.
-- A name defined only locally (a file's `static', written NAME@FILE there)
-- links only when no other file defines it too; a global definition wins.
-- Headings are left alone (their text is copied into the table of contents),
-- and so is code that is already inside a link.
traverse = 'topdown'

local defs = {}
local path = os.getenv('LITBPF_IDENTS')
if path then
  local f = io.open(path, 'r')
  if f then
    for line in f:lines() do
      local key, label, num = line:match('^(%S+) (%S+) (%S+)$')
      if key then
        local ident, scope = key:match('^([^@]+)@(.+)$')
        if not ident then
          defs[key] = { label = label, num = num, global = true }
        elseif defs[ident] == nil then
          defs[ident] = { label = label, num = num }
        elseif not defs[ident].global then
          defs[ident] = { ambiguous = true }
        end
      end
    end
    f:close()
  end
end

function Header(el) return el, false end
function Link(el) return el, false end

function Code(el)
  local name = el.text:gsub('%(%)$', '')
  local d = defs[name]
  if d and not d.ambiguous then
    return pandoc.Link({ el }, '#' .. d.label, 'defined in chunk ' .. d.num), false
  end
  return el, false
end
