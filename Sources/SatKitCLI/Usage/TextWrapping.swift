/// The width help is wrapped to.
let helpWidth = 80

/// Wraps `text` to `width` columns, word by word, starting the first line after
/// `firstLineUsed` columns already taken and every further line with `indent` spaces.
///
/// Line breaks in `text` are kept (a blank line separates paragraphs); a word longer than
/// a line stands alone on its line rather than being cut. Columns are counted in
/// `Character`s, which is right for the Latin and Vietnamese text satkit prints.
func wrap(_ text: String, width: Int = helpWidth, indent: Int = 0, firstLineUsed: Int? = nil) -> String {
    let margin = String(repeating: " ", count: indent)
    var lines: [String] = []
    let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (number, paragraph) in paragraphs.enumerated() {
        let continuesLine = number == 0 && firstLineUsed != nil
        var line = continuesLine ? "" : margin
        var used = continuesLine ? firstLineUsed! : indent
        var lineHasWords = false
        for word in paragraph.split(separator: " ") {
            if lineHasWords, used + 1 + word.count > width {
                lines.append(line)
                line = margin
                used = indent
                lineHasWords = false
            }
            if lineHasWords {
                line += " "
                used += 1
            }
            line += word
            used += word.count
            lineHasWords = true
        }
        lines.append(lineHasWords ? line : "")
    }
    return lines.joined(separator: "\n")
}

/// A command line for an example, broken with ` \` continuations so that no line passes
/// `width`: the first line indented by `indent`, the rest by `indent + 2`.
///
/// Breaks fall only between arguments, and an option stays on the line of its value.
func wrapCommandLine(_ commandLine: String, width: Int = helpWidth, indent: Int) -> [String] {
    var groups: [String] = []
    let words = commandLine.split(separator: " ").map(String.init)
    var index = 0
    while index < words.count {
        var group = words[index]
        if isOptionLike(group), index + 1 < words.count, !isOptionLike(words[index + 1]),
           !group.contains("=") {
            group += " " + words[index + 1]
            index += 1
        }
        groups.append(group)
        index += 1
    }
    var lines: [String] = []
    var line = String(repeating: " ", count: indent)
    var lineHasWords = false
    for (position, group) in groups.enumerated() {
        let continuation = position < groups.count - 1 ? 2 : 0  // room for " \"
        if lineHasWords, line.count + 1 + group.count + continuation > width {
            lines.append(line + " \\")
            line = String(repeating: " ", count: indent + 2)
            lineHasWords = false
        }
        line += (lineHasWords ? " " : "") + group
        lineHasWords = true
    }
    lines.append(line)
    return lines
}
