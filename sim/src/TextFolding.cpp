#include "TextFolding.h"

#include <cstdint>

namespace vigie::sim {

namespace {

// Folded form of U+00C0..U+00FF (Latin-1 letters), index = code point - 0xC0. Empty: not a letter
// (× and ÷), kept as is.
constexpr const char* kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0-CF
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0-EF
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",   // F0-FF
};

// Latin Extended-A letters seen in French and its neighbours.
const char* foldExtended(std::uint32_t cp)
{
    switch (cp) {
    case 0x152: case 0x153: return "oe";  // Œ œ
    case 0x178: return "y";               // Ÿ
    case 0x160: case 0x161: return "s";   // Š š
    case 0x17D: case 0x17E: return "z";   // Ž ž
    default: return nullptr;
    }
}

// Decodes one UTF-8 sequence at text[*i]; invalid bytes decode as themselves (one byte).
std::uint32_t next(std::string_view text, std::size_t* i, std::size_t* length)
{
    const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[*i + k]); };
    const std::uint8_t b0 = byte(0);
    std::size_t n = 1;
    std::uint32_t cp = b0;
    if (b0 >= 0xC2 && b0 <= 0xDF)
        n = 2, cp = b0 & 0x1F;
    else if (b0 >= 0xE0 && b0 <= 0xEF)
        n = 3, cp = b0 & 0x0F;
    else if (b0 >= 0xF0 && b0 <= 0xF4)
        n = 4, cp = b0 & 0x07;
    if (n > 1) {
        if (*i + n > text.size()) {
            n = 1;
            cp = b0;
        } else {
            for (std::size_t k = 1; k < n; ++k) {
                if ((byte(k) & 0xC0) != 0x80) {
                    n = 1;
                    cp = b0;
                    break;
                }
                cp = (cp << 6) | (byte(k) & 0x3F);
            }
        }
    }
    *length = n;
    *i += n;
    return cp;
}

bool isWordCharacter(std::uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return cp != 0xD7 && cp != 0xF7 && cp >= 0xC0;  // letters beyond ASCII (roughly)
}

} // namespace

std::string TextFolding::fold(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t start = i;
        std::size_t length = 0;
        const std::uint32_t cp = next(utf8, &i, &length);
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp));
        } else if (cp >= 0xC0 && cp <= 0xFF && *kLatin1[cp - 0xC0]) {
            out += kLatin1[cp - 0xC0];
        } else if (const char* folded = foldExtended(cp)) {
            out += folded;
        } else {
            out.append(utf8.substr(start, length));
        }
    }
    return out;
}

std::vector<std::string> TextFolding::words(std::string_view utf8)
{
    std::vector<std::string> result;
    std::string current;
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t start = i;
        std::size_t length = 0;
        const std::uint32_t cp = next(utf8, &i, &length);
        if (isWordCharacter(cp)) {
            current.append(utf8.substr(start, length));
        } else if (!current.empty()) {
            result.push_back(fold(current));
            current.clear();
        }
    }
    if (!current.empty())
        result.push_back(fold(current));
    return result;
}

bool TextFolding::containsAll(std::string_view text, const std::vector<std::string>& foldedWords)
{
    if (foldedWords.empty())
        return true;
    const std::string folded = fold(text);
    for (const auto& word : foldedWords) {
        if (folded.find(word) == std::string::npos)
            return false;
    }
    return true;
}

} // namespace vigie::sim
