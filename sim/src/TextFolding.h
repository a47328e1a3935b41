#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vigie::sim {

// Case- and accent-insensitive matching for searches (ListBookmarks' text): folds UTF-8 text to lower
// case without diacritics for ASCII, Latin-1 and the Latin Extended-A letters French uses (œ -> oe,
// é -> e, Ç -> c, ß -> ss). Other characters are kept as they are (lower-cased when ASCII). Pure.
class TextFolding {
public:
    static std::string fold(std::string_view utf8);
    // The folded words of a query, split on anything that is not a letter or digit.
    static std::vector<std::string> words(std::string_view utf8);
    // Whether every word of `query` (folded) appears in `text` (folded).
    static bool containsAll(std::string_view text, const std::vector<std::string>& foldedWords);
};

} // namespace vigie::sim
