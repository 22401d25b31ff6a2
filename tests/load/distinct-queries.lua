-- wrk: every request a search no one asked before (two words of the site's own vocabulary, one letter changed),
-- so no answer can come from a cache. Used by tests/load/search-flood.
local words = { "water", "stroom", "noodpakket", "radio", "batterij", "zaklamp", "buren", "noodsteunpunt", "drinkwater",
  "kaars", "blikopener", "medicijnen", "plan", "buurt", "wijk", "telefoon", "contant", "geld", "dekens", "voedsel" }
local letters = "abcdefghijklmnopqrstuvwxyz"
local counter = 0

request = function()
  counter = counter + 1
  local a = words[(counter % #words) + 1]
  local b = words[(math.floor(counter / #words) % #words) + 1]
  local at = (counter % #b) + 1
  local letter = letters:sub((counter % 26) + 1, (counter % 26) + 1)
  b = b:sub(1, at - 1) .. letter .. b:sub(at + 1)
  return wrk.format("GET", "/zoeken?q=" .. a .. "+" .. b .. counter)
end
