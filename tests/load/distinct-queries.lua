-- wrk: every request a search no one asked before (two words of the site's own vocabulary, one letter changed),
-- so no answer can come from a cache. Each wrk thread counts in its own range, so threads never repeat each other.
-- Used by tests/load/search-flood and tests/load/search-uncached.
local words = { "water", "stroom", "noodpakket", "radio", "batterij", "zaklamp", "buren", "noodsteunpunt", "drinkwater",
  "kaars", "blikopener", "medicijnen", "plan", "buurt", "wijk", "telefoon", "contant", "geld", "dekens", "voedsel" }
local letters = "abcdefghijklmnopqrstuvwxyz"
local threads = 0
local counter = 0

setup = function(thread)
  thread:set("first", threads * 100000000)
  threads = threads + 1
end

init = function(args)
  counter = first or 0
end

request = function()
  counter = counter + 1
  local a = words[(counter % #words) + 1]
  local b = words[(math.floor(counter / #words) % #words) + 1]
  local at = (counter % #b) + 1
  local letter = letters:sub((counter % 26) + 1, (counter % 26) + 1)
  b = b:sub(1, at - 1) .. letter .. b:sub(at + 1)
  return wrk.format("GET", "/zoeken?q=" .. a .. "+" .. b .. counter)
end
