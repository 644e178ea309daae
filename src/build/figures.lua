-- A pandoc filter for both editions of the book: figures.
--
-- A chapter, a proof note or the front matter adds a figure with one line,
--     ![Caption.](book/figures/NAME.dot)
-- naming a graphviz source in the repository (or an image, .png or .pdf, such
-- as the benchmark charts under bench/results).  A .dot source is drawn here,
-- by `dot', into build/book/figures/: SVG for the HTML edition (which embeds
-- it), PDF for the PDF edition.  A figure whose file does not exist stops the
-- build.  Paths are relative to the repository's top.
local outdir = 'build/book/figures'

local function exists(path)
  local f = io.open(path, 'r')
  if f then f:close() return true end
  return false
end

function Image(el)
  local src = el.src
  if src:match('^https?:') or src:match('^data:') then return el end
  if not exists(src) then
    error('book: figure ' .. src .. ' does not exist')
  end
  local base = src:match('([^/]+)%.dot$')
  if base then
    local ext = FORMAT == 'latex' and 'pdf' or 'svg'
    local out = outdir .. '/' .. base .. '.' .. ext
    os.execute('mkdir -p ' .. outdir)
    local drawn = pandoc.pipe('dot', { '-T' .. ext, src }, '')
    local f = assert(io.open(out, 'wb'))
    f:write(drawn)
    f:close()
    el.src = out
  end
  return el
end
