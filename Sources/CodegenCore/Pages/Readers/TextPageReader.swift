import Foundation

/// Reads the text renderings of NAVER's pages into blocks. Every rendering the public copies show:
/// - plain text, a table row per line with its cells as words (`query.textQuery String Conditional Text …`)
///   and the cell's list as `•` lines under it;
/// - pipe tables whose rows are split over lines (`name |` then `String | Required | Project name` then `|`),
///   with or without leading pipes, or with every cell on a line of its own;
/// - the PDF rendering, whose header and cells run together (`FieldTypeRequiredDescription`,
///   `nameStringRequiredTask name`).
struct TextPageReader {
    private let lines: [String]
    private var blocks: [PageBlock] = []
    private var index = 0

    init(text: String) {
        // A Markdown export quotes its "Documentation Index" note; the quote marks are not content.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { line in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix(">") else { return String(line) }
            return String(trimmed.dropFirst().drop { $0 == " " })
        }
        // The PDF rendering ends with its indentation on a line of its own: the text ends where its last words do,
        // so that a row on the last of them is read as the one the copy cuts.
        while let last = lines.last, !last.isEmpty, last.allSatisfy(\.isWhitespace) { lines[lines.count - 1] = "" }
        self.lines = lines
    }

    static func read(_ text: String) -> [PageBlock] {
        var reader = TextPageReader(text: text)
        reader.readAll()
        return reader.blocks
    }

    private mutating func readAll() {
        while index < lines.count {
            let raw = lines[index]
            let line = raw.trimmed()
            if line.isEmpty { index += 1; continue }
            if line.hasPrefix("```") { readFence(); continue }
            if line.hasPrefix("#"), let title = Self.markdownHeading(line) {
                blocks.append(.heading(title, line: index + 1))
                index += 1
                continue
            }
            if line.hasPrefix("curl ") { readCurl(); continue }
            if line.hasPrefix("{") || line.hasPrefix("[") && !line.has("|") && line.count > 1 && !line.hasPrefix("[중요]") { readJSON(); continue }
            if line.has("|"), let table = readPipeTable() { blocks.append(.init(kind: .table(table), text: "", line: table.line)); continue }
            if let header = ColumnRole.splitHeader(line) { readWordTable(header: header, indent: Self.indent(raw)); continue }
            if let (text, depth) = Self.bullet(raw) {
                // A bullet that is a section title is the title, lost in a rendering that made the table above a list.
                if SectionTitle(title: text) != nil {
                    blocks.append(.heading(text, line: index + 1))
                } else {
                    blocks.append(PageBlock(kind: .listItem(depth: depth), text: text, line: index + 1))
                }
                index += 1
                continue
            }
            blocks.append(isHeading(line) ? .heading(line, line: index + 1) : .paragraph(line, line: index + 1))
            index += 1
        }
    }

    // MARK: Lines

    static func indent(_ raw: String) -> Int {
        raw.prefix { $0 == " " || $0 == "\t" }.count
    }

    /// `  • text`, `- text`, `◦ text`: the item's text and its depth by indentation.
    static func bullet(_ raw: String) -> (String, Int)? {
        let indent = Self.indent(raw)
        let line = raw.dropFirst(indent)
        for marker in ["• ", "◦ ", "▪ ", "- ", "* "] where line.hasPrefix(marker) {
            return (String(line.dropFirst(marker.count)).trimmed(), max(0, (indent - 2) / 2))
        }
        if line == "•" || line == "-" { return ("", max(0, (indent - 2) / 2)) }
        return nil
    }

    /// A section title, or a line naming the field the table after it describes (`query`, `result.indexes`,
    /// `tagList` followed by `The following describes tagList.` or a header).
    private func isHeading(_ line: String) -> Bool {
        if SectionTitle(title: line) != nil { return true }
        guard CellWords.isFieldName(line), line.count <= 80 else { return false }
        var next = index + 1
        while next < lines.count, lines[next].trimmed().isEmpty { next += 1 }
        guard next < lines.count else { return false }
        let following = lines[next].trimmed()
        return Self.isSubTableIntroduction(following, naming: line)
            || ColumnRole.splitHeader(following) != nil
            || following.has("|") && ColumnRole.isTableHeader(Self.pipeCells(following).prefix { ColumnRole(header: $0) != .other }.map(ColumnRole.init(header:)))
            || following.hasPrefix("|") && ColumnRole(header: Self.pipeCells(following).first ?? "") == .name
    }

    /// `The following describes tags.`, `tags에 대한 설명은 다음과 같습니다.`, `tagsの説明は次の通りです。`
    static func isSubTableIntroduction(_ line: String, naming name: String) -> Bool {
        line.hasPrefix("The following describes \(name)") || line.hasPrefix("\(name)에 대한 설명") || line.hasPrefix("\(name)の説明")
            || line.hasPrefix("\(name) に関する説明")
    }

    /// `## Request body` → `Request body`.
    static func markdownHeading(_ line: String) -> String? {
        let hashes = line.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count), line.dropFirst(hashes.count).first == " " else { return nil }
        let title = line.dropFirst(hashes.count).trimmed()
        return title.isEmpty ? nil : title.replacingOccurrences(of: "**", with: "")
    }

    // MARK: Code

    /// A fenced block of a Markdown export.
    private mutating func readFence() {
        let start = index
        index += 1
        var text: [String] = []
        while index < lines.count, !lines[index].trimmed().hasPrefix("```") {
            text.append(lines[index])
            index += 1
        }
        index += 1
        blocks.append(.code(text.joined(separator: "\n"), line: start + 1))
    }

    /// A curl command, its continuation lines and its quoted `--data '…'` body. The body ends at its closing
    /// quote, or where its JSON closes: pages forget the quote.
    private mutating func readCurl() {
        let start = index
        var text: [String] = []
        var inData = false
        var depth = 0
        var inString = false
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmed()
            if index > start, !inData, !(text.last?.hasSuffix("\\") ?? false), !trimmed.hasPrefix("--"), !trimmed.hasPrefix("-H") {
                break
            }
            text.append(trimmed)
            index += 1
            var scanned = Substring(line)
            if !inData, let data = line.range(of: "--data") ?? line.range(of: "-d '") {
                guard let quote = line[data.upperBound...].firstIndex(of: "'") else { continue }
                inData = true
                scanned = line[line.index(after: quote)...]
            }
            guard inData else { continue }
            var escaped = false
            for character in scanned {
                if escaped { escaped = false; continue }
                if character == "\\", inString { escaped = true } else if character == "\"" { inString.toggle() } else if !inString {
                    if character == "{" || character == "[" { depth += 1 }
                    if character == "}" || character == "]" { depth -= 1 }
                    if character == "'" { inData = false }
                }
            }
            if depth <= 0, !inString, trimmed.hasSuffix("}") || trimmed.hasSuffix("]") || trimmed.hasSuffix("'") { inData = false }
            if !inData, depth <= 0, index > start + 1, !(text.last?.hasSuffix("\\") ?? false) { break }
        }
        blocks.append(.code(text.joined(separator: "\n"), line: start + 1))
    }

    /// A JSON example: from its first brace to the line that balances it, or to the end of a cut page.
    private mutating func readJSON() {
        let start = index
        var depth = 0
        var text: [String] = []
        var inString = false
        repeat {
            let line = lines[index]
            text.append(line)
            var escaped = false
            for character in line {
                if escaped { escaped = false; continue }
                if character == "\\", inString {
                    escaped = true
                } else if character == "\"" {
                    inString.toggle()
                } else if !inString, character == "{" || character == "[" {
                    depth += 1
                } else if !inString, character == "}" || character == "]" {
                    depth -= 1
                }
            }
            index += 1
        } while depth > 0 && index < lines.count
        blocks.append(.code(text.joined(separator: "\n"), line: start + 1))
    }

    // MARK: Pipe tables

    /// The cells of a `|`-separated line; `\|` is a pipe inside a cell, a leading `|` opens the row.
    static func pipeCells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var previous: Character?
        for character in line {
            if character == "|", previous != "\\" {
                cells.append(current.trimmed())
                current = ""
            } else {
                if character == "|" { current.removeLast() }
                current.append(character)
            }
            previous = character
        }
        cells.append(current.trimmed())
        if line.trimmed().hasPrefix("|"), cells.first == "" { cells.removeFirst() }
        if line.trimmed().hasSuffix("|"), cells.last == "" { cells.removeLast() }
        return cells
    }

    static func isSeparator(_ line: String) -> Bool {
        let trimmed = line.trimmed()
        return trimmed.has("---") && trimmed.allSatisfy { "|-: ".contains($0) }
    }

    /// One cell as it arrives in the stream, with the line it started on.
    private struct StreamCell {
        var text: String
        var line: Int
        /// The cell was ended by a `|`; false for the text after the last pipe at the end of a cut page.
        var closed: Bool
    }

    /// A pipe table from its header: the header is the run of cells that name columns; rows are then read as a
    /// stream of cells, so a row split over lines or a cell per line reads the same as a row on one line.
    private mutating func readPipeTable() -> PageTable? {
        let first = lines[index].trimmed()
        guard let firstCell = Self.pipeCells(first).first, ColumnRole(header: firstCell) != .other else { return nil }
        let start = index
        var stream: [StreamCell] = []
        var pending: String?
        var pendingLine = 0
        var headerCount: Int?
        var cellsInRow = 0
        var cursor = index
        while cursor < lines.count {
            let line = lines[cursor].trimmed()
            if Self.isSeparator(line) {
                if headerCount == nil { headerCount = stream.count }
                cursor += 1
                continue
            }
            // A row ends at its last cell; a line without a pipe that follows a whole row is no longer the table,
            // unless it is the last line of a cut copy and starts the next row (`result.a`).
            if let headerCount, pending == nil, line.isEmpty || !line.has("|") || SectionTitle(title: line) != nil,
               cellsInRow % max(headerCount, 1) == 0 || Self.endsWithWholeRow(stream, headerCount: headerCount) {
                let isLastLine = lines[(cursor + 1)...].allSatisfy { $0.trimmed().isEmpty }
                guard isLastLine, !line.isEmpty, CellWords.isFieldName(line) else { break }
            }
            var parts = Self.splitKeepingEscapes(line)
            if line.hasPrefix("|"), pending == nil { parts.removeFirst() }
            for (offset, part) in parts.enumerated() {
                if offset == parts.count - 1 {
                    // The text after the last pipe starts a cell that a later line ends.
                    let text = part.trimmed()
                    if !text.isEmpty || pending != nil {
                        if pending == nil { pendingLine = cursor + 1 }
                        pending = (pending.map { $0 + "\n" } ?? "") + text
                    }
                    continue
                }
                let text = ((pending.map { $0 + "\n" } ?? "") + part).trimmed()
                stream.append(StreamCell(text: text, line: pending == nil ? cursor + 1 : pendingLine, closed: true))
                pending = nil
                if headerCount == nil, ColumnRole(header: text) == .other { headerCount = stream.count - 1 }
                if headerCount != nil { cellsInRow += 1 }
            }
            cursor += 1
        }
        let count = headerCount ?? stream.count
        guard count >= 2, stream.count >= count else { return nil }
        let header = stream.prefix(count).map(\.text)
        guard ColumnRole.isTableHeader(header.map(ColumnRole.init(header:))) else { return nil }
        if let pending, !pending.trimmed().isEmpty {
            stream.append(StreamCell(text: pending.trimmed(), line: pendingLine, closed: false))
        }
        var table = PageTable(header: Array(header), line: start + 1)
        table.endsAtCut = cursor >= lines.count
        Self.assembleRows(Array(stream.dropFirst(count)), into: &table)
        if table.endsAtCut, !table.rows.isEmpty { table.rows[table.rows.count - 1].isLastBeforeCut = true }
        index = cursor
        return table
    }

    /// Whether the cells read so far group into whole rows, a pipe inside a cell (`GET | POST | /path`,
    /// `RUNNING | COMPLETED`) having thrown the plain count off.
    private static func endsWithWholeRow(_ stream: [StreamCell], headerCount: Int) -> Bool {
        var table = PageTable(header: stream.prefix(headerCount).map(\.text), line: 0)
        assembleRows(Array(stream.dropFirst(headerCount)), into: &table)
        return table.rows.last.map { $0.cells.count == headerCount && $0.isComplete } ?? true
    }

    /// Splits on unescaped pipes, keeping `\|` as a pipe inside the cell.
    private static func splitKeepingEscapes(_ line: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var previous: Character?
        for character in line {
            if character == "|", previous != "\\" {
                parts.append(current)
                current = ""
            } else if character == "|" {
                current.removeLast()
                current.append(character)
            } else {
                current.append(character)
            }
            previous = character
        }
        parts.append(current)
        return parts
    }

    /// Groups the stream into rows of the header's width. A cell that can't start a row (a pipe inside a
    /// description split it, or a stray empty cell) goes back into the row before it.
    private static func assembleRows(_ cells: [StreamCell], into table: inout PageTable) {
        let width = table.header.count
        var position = 0
        // The last cell of the last row as it came, list lines included: a pipe inside a list item
        // (`- LOW | MEDIUM | HIGH`) continues that item, not the cell's first line.
        var lastCellSource = ""
        while position < cells.count {
            let cell = cells[position]
            if cell.text.isEmpty { position += 1; continue }
            if startsRow(cells, at: position, table: table) {
                let slice = cells[position..<min(cells.count, position + width)]
                var row = PageTable.Row(cells: slice.map { Self.cell($0.text) }, line: cell.line)
                row.isComplete = slice.count == width && slice.allSatisfy(\.closed)
                if !row.isComplete, let last = slice.last, !last.closed { row.cells.removeLast() }
                lastCellSource = row.cells.count == slice.count ? slice.last?.text ?? "" : ""
                table.rows.append(row)
                position += slice.count
            } else if !table.rows.isEmpty {
                let last = table.rows.count - 1
                let column = table.rows[last].cells.count - 1
                lastCellSource = (lastCellSource.isEmpty ? table.rows[last].cells[column].text : lastCellSource) + " | " + cell.text
                table.rows[last].cells[column] = Self.cell(lastCellSource)
                if !cell.closed {
                    table.rows[last].isComplete = false
                    table.rows[last].cutCell = column
                }
                position += 1
            } else {
                position += 1
            }
        }
    }

    /// Whether a row can start at `position`: its cells fit the columns' roles.
    private static func startsRow(_ cells: [StreamCell], at position: Int, table: PageTable) -> Bool {
        func cell(_ role: ColumnRole) -> String? {
            table.column(role).flatMap { position + $0 < cells.count ? cells[position + $0].text : nil }
        }
        if let name = cell(.name), !CellWords.isFieldName(name.components(separatedBy: .whitespaces).first ?? "") { return false }
        if let type = cell(.type), !CellWords.isType(type) { return false }
        if let required = cell(.required), !CellWords.isRequiredness(required) { return false }
        if let status = cell(.status), Int(status) == nil { return false }
        if let method = cell(.method), EndpointLine.methods(in: method) == nil { return false }
        return true
    }

    /// A cell's text with the lines that start with a list marker taken out as its bullets. A Markdown export
    /// writes a cell's list as inline HTML (`<ul><li>…</li></ul>`, `<br>`), read here the same way.
    static func cell(_ text: String) -> PageTable.Cell {
        let text = ["<br", "<li", "<ul", "<ol", "<p>", "</", "<code"].contains(where: text.contains) ? inlineHTML(text) : text
        var kept: [String] = []
        var bullets: [(String, Int)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
            if let (bullet, depth) = Self.bullet(line) {
                bullets.append((bullet, depth))
            } else {
                kept.append(line.trimmed())
            }
        }
        return PageTable.Cell(text: kept.joined(separator: " "), bullets: bullets)
    }

    /// Inline HTML in a Markdown cell as lines: list items become `•` lines indented by depth.
    static func inlineHTML(_ text: String) -> String {
        var result = ""
        var depth = -1
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else { result += rest[open...]; rest = ""; break }
            let tag = rest[rest.index(after: open)..<close].lowercased().split(separator: " ").first.map(String.init) ?? ""
            switch tag {
            case "ul", "ol": depth += 1
            case "/ul", "/ol": depth = max(-1, depth - 1)
            case "li": result += "\n" + String(repeating: "  ", count: max(0, depth) + 1) + "• "
            case "br", "br/", "p", "/p": result += "\n"
            default: break
            }
            rest = rest[rest.index(after: close)...]
        }
        return HTMLEntities.decode(result + rest)
    }

    // MARK: Word tables (plain and PDF)

    /// A table whose rows are lines of words, or of cells run together: each row is read by the pattern its
    /// header's column roles make; `•` lines and other lines under a row belong to its description.
    private mutating func readWordTable(header: [String], indent: Int) {
        let start = index
        var table = PageTable(header: header, line: start + 1)
        let pattern = RowPattern(roles: table.roles)
        table.joinedProseColumn = pattern.joinedProseColumn
        index += 1
        var rowIndent = indent
        while index < lines.count {
            let raw = lines[index]
            let line = raw.trimmed()
            if line.isEmpty { break }
            let isLastLine = index == lines.count - 1 || (index == lines.count - 2 && lines[lines.count - 1].isEmpty)
            if let (text, depth) = Self.bullet(raw), !table.rows.isEmpty {
                if SectionTitle(title: text) != nil { break }
                let relative = max(0, (Self.indent(raw) - rowIndent - 2) / 2)
                table.rows[table.rows.count - 1].cells[table.rows[table.rows.count - 1].cells.count - 1].bullets.append((text, min(depth, relative)))
                index += 1
                continue
            }
            if SectionTitle(title: line) != nil || line.hasPrefix("curl ") || ColumnRole.splitHeader(line) != nil { break }
            if let cells = pattern.match(line) {
                if table.rows.isEmpty { rowIndent = Self.indent(raw) }
                var row = PageTable.Row(cells: cells.map { PageTable.Cell(text: $0) }, line: index + 1)
                // The last line of a cut copy may be cut anywhere: only its name and the cells before the last are sure.
                if isLastLine {
                    row.isComplete = false
                    row.cells.removeLast()
                }
                table.rows.append(row)
            } else if isLastLine, line.has(" ") {
                // The page ends inside a row: its name is sure only if a space ends it (`result.updatedUserName Str`);
                // a name run into its cells (`train_file_pathStringRe`) may itself be cut.
                if let name = line.split(separator: " ").first.map(String.init), CellWords.isFieldName(name) {
                    var row = PageTable.Row(cells: [PageTable.Cell(text: name)], line: index + 1)
                    row.isComplete = false
                    table.rows.append(row)
                }
            } else if isLastLine {
                index += 1
                break
            } else if !table.rows.isEmpty {
                let last = table.rows.count - 1
                let column = table.rows[last].cells.count - 1
                if column >= 0 {
                    let joined = table.rows[last].cells[column].text
                    table.rows[last].cells[column].text = joined.isEmpty ? line : joined + " " + line
                }
            } else {
                break
            }
            index += 1
        }
        table.endsAtCut = index >= lines.count || (index == lines.count - 1 && lines[index].isEmpty)
        if table.endsAtCut, !table.rows.isEmpty { table.rows[table.rows.count - 1].isLastBeforeCut = true }
        blocks.append(.init(kind: .table(table), text: "", line: start + 1))
    }
}
