import ArgumentParser

/// What a command produces, before it is formatted.
enum CommandOutput {
    /// Rows with named columns: every format can show it.
    case table(ResultTable)
    /// A nested document (one paper, a summary): `table` shows `text`, `json` shows `json`.
    case document(text: String, json: JSONValue)
}

struct ResultTable {
    var columns: [String]
    var rows: [[Cell]]

    enum Cell: Equatable {
        case text(String)
        case int(Int)
        case double(Double)
        case null

        var plain: String {
            switch self {
            case .text(let value): return value
            case .int(let value): return String(value)
            case .double(let value): return Self.formatted(value)
            case .null: return ""
            }
        }

        var json: JSONValue {
            switch self {
            case .text(let value): return .string(value)
            case .int(let value): return .int(value)
            case .double(let value): return .double(value)
            case .null: return .null
            }
        }

        /// Scores print with 6 significant digits in tables and CSV; JSON keeps full precision.
        static func formatted(_ value: Double) -> String {
            guard value.isFinite else { return "" }
            if value == 0 { return "0" }
            var digits = 6 - Int((log10(abs(value))).rounded(.down)) - 1
            digits = min(max(digits, 0), 12)
            return String(format: "%.\(digits)f", value)
        }
    }
}

import Foundation

/// Output formats of listing commands. Each is one small formatter; commands never print directly.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case table
    case json
    case jsonl
    case csv

    var formatter: any OutputFormatter {
        switch self {
        case .table: return TextTableFormatter()
        case .json: return JSONFormatter(lines: false)
        case .jsonl: return JSONFormatter(lines: true)
        case .csv: return CSVFormatter()
        }
    }
}

protocol OutputFormatter {
    func format(_ output: CommandOutput) -> String
}

/// Aligned columns for people. Long cells are cut so one row stays one line.
struct TextTableFormatter: OutputFormatter {
    var maxCellWidth = 80

    func format(_ output: CommandOutput) -> String {
        switch output {
        case .document(let text, _):
            return text.hasSuffix("\n") ? text : text + "\n"
        case .table(let table):
            if table.rows.isEmpty { return "(no rows)\n" }
            let cells = table.rows.map { row in row.map { clip($0.plain) } }
            var widths = table.columns.map(\.count)
            for row in cells {
                for (index, cell) in row.enumerated() where index < widths.count {
                    widths[index] = max(widths[index], cell.count)
                }
            }
            func line(_ values: [String], numeric: [Bool]) -> String {
                var parts: [String] = []
                for (index, value) in values.enumerated() {
                    let pad = String(repeating: " ", count: max(0, widths[index] - value.count))
                    let isLast = index == values.count - 1
                    parts.append(numeric[index] ? pad + value : (isLast ? value : value + pad))
                }
                return parts.joined(separator: "  ")
            }
            let numeric = table.columns.indices.map { column in
                table.rows.allSatisfy { row in
                    guard column < row.count else { return true }
                    switch row[column] {
                    case .int, .double, .null: return true
                    case .text: return false
                    }
                }
            }
            var out = line(table.columns, numeric: numeric) + "\n"
            out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            for row in cells { out += line(row, numeric: numeric) + "\n" }
            return out
        }
    }

    private func clip(_ value: String) -> String {
        let flat = value.replacingOccurrences(of: "\n", with: " ")
        return flat.count > maxCellWidth ? String(flat.prefix(maxCellWidth - 1)) + "…" : flat
    }
}

/// `json`: one array of objects (or the document); `jsonl`: one object per line.
struct JSONFormatter: OutputFormatter {
    var lines: Bool

    func format(_ output: CommandOutput) -> String {
        switch output {
        case .document(_, let json):
            return (lines ? json.compact : json.pretty) + "\n"
        case .table(let table):
            let objects = table.rows.map { row in
                var object: [String: JSONValue] = [:]
                for (index, column) in table.columns.enumerated() {
                    object[column] = index < row.count ? row[index].json : .null
                }
                return JSONValue.object(object)
            }
            if lines { return objects.map { $0.compact + "\n" }.joined() }
            return JSONValue.array(objects).pretty + "\n"
        }
    }
}

/// RFC 4180 CSV with a header row.
struct CSVFormatter: OutputFormatter {
    func format(_ output: CommandOutput) -> String {
        switch output {
        case .document(_, let json):
            // A document has no columns; CSV readers get its JSON in one cell rather than nothing.
            return "json\r\n" + Self.quote(json.compact) + "\r\n"
        case .table(let table):
            var out = table.columns.map(Self.quote).joined(separator: ",") + "\r\n"
            for row in table.rows {
                out += row.map { Self.quote($0.plain) }.joined(separator: ",") + "\r\n"
            }
            return out
        }
    }

    static func quote(_ value: String) -> String {
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
