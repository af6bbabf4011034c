/// Escaping of survey and data text for the formats satkit writes.
///
/// Every label, code and comment that comes from a survey file or a data file passes
/// through one of these before it is written, so that a label such as `<script>` or
/// `[click](javascript:…)` is shown as text and never interpreted.
public enum MarkupEscaping {
    /// `text` safe inside HTML element content and inside double- or single-quoted
    /// attribute values: `&`, `<`, `>`, `"` and `'` become character references.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` shown literally in Markdown, also inside a table cell.
    ///
    /// Escaped: the characters that open inline constructs anywhere in a line
    /// (`\ ` * _ [ ] | ~ !` get a backslash; CommonMark §2.4 allows one before any ASCII
    /// punctuation), `<`, `>` and `&` as character references so that no raw HTML, autolink
    /// or entity survives, and the characters that only matter at the start of a line
    /// (`#`, `-`, `+`, `=`, `>` and the `.` or `)` after leading digits). Line breaks become
    /// spaces, because a table row is one line. Links cannot form: `[` is always escaped.
    public static func markdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var atStart = true
        var leadingDigits = true
        for scalar in text.unicodeScalars {
            let lineStartMarker = atStart && (scalar == "#" || scalar == "-" || scalar == "+" || scalar == "=")
            let listNumberMarker = !atStart && leadingDigits && (scalar == "." || scalar == ")")
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r": out += " "
            case "\\", "`", "*", "_", "[", "]", "|", "~", "!":
                out += "\\"
                out.unicodeScalars.append(scalar)
            default:
                if lineStartMarker || listNumberMarker { out += "\\" }
                out.unicodeScalars.append(scalar)
            }
            if scalar != " " { atStart = false }
            if !("0"..."9").contains(scalar) { leadingDigits = false }
        }
        return out
    }
}
