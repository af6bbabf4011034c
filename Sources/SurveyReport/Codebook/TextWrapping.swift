/// Word wrapping for terminal text, measured in user-perceived characters.
///
/// Vietnamese text typed with combining tone marks still counts one column per letter,
/// because `String.count` counts grapheme clusters.
enum TextWrapping {
    /// `text` broken at spaces into lines of at most `width` characters; the first line is
    /// prefixed with `firstIndent`, the others with `indent`. A word longer than the width
    /// stands alone on its line rather than being cut.
    static func wrap(_ text: String, width: Int, firstIndent: String, indent: String) -> [String] {
        var lines: [String] = []
        var line = firstIndent
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidateWidth = line.count + (lineHasWord ? 1 : 0) + word.count
            if lineHasWord && candidateWidth > width {
                lines.append(line)
                line = indent
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }

    /// A key and its description: `indent`, then `key` padded to `keyWidth`, then `text`
    /// wrapped so that continuation lines start under the text. A key wider than
    /// `keyWidth` is followed by two spaces.
    static func entry(indent: String, key: String, keyWidth: Int, text: String, width: Int) -> [String] {
        let head = indent + (key.count + 2 > keyWidth ? key + "  " : pad(key, keyWidth))
        let hanging = String(repeating: " ", count: indent.count + keyWidth)
        return wrap(text, width: width, firstIndent: head, indent: hanging)
    }

    /// `text` padded with spaces to `width` characters (unchanged when already wider).
    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
