// Server-rendered SVG charts, each with its data table beside it for screen readers and print.
import Localization

/// One bar: a label and a value (nil = no data, drawn as a gap and said in the table).
public struct ChartDatum: Sendable {
    public var label: String
    public var value: Double?
    public init(_ label: String, _ value: Double?) {
        self.label = label
        self.value = value
    }
}

/// A line of a line chart: a name and values at the chart's x positions.
public struct ChartSeries: Sendable {
    public var name: String
    public var values: [Double?]
    public init(name: String, values: [Double?]) {
        self.name = name
        self.values = values
    }
}

public enum Charts {
    /// Horizontal bars on a 0…`maximum` scale, followed by the same figures as a table.
    public static func bars(
        id: String, title: String, data: [ChartDatum], maximum: Double = 100, valueLabel: String,
        fractionDigits: Int = 1, t: Translator
    ) -> Node {
        let rowHeight = 28.0, labelWidth = 180.0, barWidth = 360.0, width = labelWidth + barWidth + 70
        let height = rowHeight * Double(data.count) + 10
        var shapes: [Node] = []
        for (index, datum) in data.enumerated() {
            let y = 5 + Double(index) * rowHeight
            shapes.append(el("text", Attribute("x", fmt(labelWidth - 8)), Attribute("y", fmt(y + 18)), Attribute("text-anchor", "end"), .class("chart-label")) { datum.label })
            if let value = datum.value {
                let length = max(0, min(1, value / maximum)) * barWidth
                shapes.append(el("rect", Attribute("x", fmt(labelWidth)), Attribute("y", fmt(y + 4)), Attribute("width", fmt(length)), Attribute("height", fmt(rowHeight - 8)), .class("chart-bar")))
                shapes.append(el("text", Attribute("x", fmt(labelWidth + length + 6)), Attribute("y", fmt(y + 18)), .class("chart-value")) { t.decimal(value, fractionDigits: fractionDigits) })
            } else {
                shapes.append(el("text", Attribute("x", fmt(labelWidth + 6)), Attribute("y", fmt(y + 18)), .class("chart-value")) { t("ds.no_data") })
            }
        }
        return figure(id: id, title: title, width: width, height: height, shapes: shapes,
                      table: dataTable(title: title, header: [t("ds.item"), valueLabel],
                                       rows: data.map { [$0.label, $0.value.map { t.decimal($0, fractionDigits: fractionDigits) } ?? t("ds.no_data")] }),
                      t: t)
    }

    /// Lines over labelled x positions on a 0…`maximum` scale, followed by the table.
    public static func lines(
        id: String, title: String, xLabels: [String], series: [ChartSeries], maximum: Double = 1,
        fractionDigits: Int = 3, t: Translator
    ) -> Node {
        let left = 50.0, top = 10.0, plotWidth = 480.0, plotHeight = 220.0
        let width = left + plotWidth + 170, height = top + plotHeight + 40
        let step = xLabels.count > 1 ? plotWidth / Double(xLabels.count - 1) : 0
        var shapes: [Node] = []
        for tick in 0...4 {
            let value = maximum * Double(tick) / 4
            let y = top + plotHeight - plotHeight * Double(tick) / 4
            shapes.append(el("line", Attribute("x1", fmt(left)), Attribute("x2", fmt(left + plotWidth)), Attribute("y1", fmt(y)), Attribute("y2", fmt(y)), .class("chart-grid")))
            shapes.append(el("text", Attribute("x", fmt(left - 6)), Attribute("y", fmt(y + 4)), Attribute("text-anchor", "end"), .class("chart-label")) { t.decimal(value, fractionDigits: 2) })
        }
        for (index, label) in xLabels.enumerated() {
            shapes.append(el("text", Attribute("x", fmt(left + step * Double(index))), Attribute("y", fmt(top + plotHeight + 20)), Attribute("text-anchor", "middle"), .class("chart-label")) { label })
        }
        for (seriesIndex, line) in series.enumerated() {
            var points: [String] = []
            for (index, value) in line.values.enumerated() {
                guard let value else { continue }
                let x = left + step * Double(index)
                let y = top + plotHeight - plotHeight * max(0, min(1, value / maximum))
                points.append("\(fmt(x)),\(fmt(y))")
                shapes.append(el("circle", Attribute("cx", fmt(x)), Attribute("cy", fmt(y)), Attribute("r", "3"), .class("chart-series-\(seriesIndex % 6)")))
            }
            shapes.append(el("polyline", Attribute("points", points.joined(separator: " ")), .class("chart-line chart-series-\(seriesIndex % 6)")))
            if let lastIndex = line.values.lastIndex(where: { $0 != nil }), let last = line.values[lastIndex] {
                let y = top + plotHeight - plotHeight * max(0, min(1, last / maximum))
                shapes.append(el("text", Attribute("x", fmt(left + plotWidth + 8)), Attribute("y", fmt(y + 4)), .class("chart-label")) { line.name })
            }
        }
        let rows = series.map { line in [line.name] + line.values.map { $0.map { t.decimal($0, fractionDigits: fractionDigits) } ?? t("ds.no_data") } }
        return figure(id: id, title: title, width: width, height: height, shapes: shapes,
                      table: dataTable(title: title, header: [t("ds.item")] + xLabels, rows: rows), t: t)
    }

    static func figure(id: String, title: String, width: Double, height: Double, shapes: [Node], table: Node, t: Translator) -> Node {
        el("figure", .class("chart"), .aria("labelledby", id + "-title")) {
            el("figcaption", .id(id + "-title")) { title }
            el("svg", Attribute("xmlns", "http://www.w3.org/2000/svg"), Attribute("viewBox", "0 0 \(fmt(width)) \(fmt(height))"),
               Attribute("role", "img"), .aria("label", title + " — " + t("ds.chart_table_follows")), .class("chart-svg")) {
                Node.fragment(shapes)
            }
            table
        }
    }

    static func dataTable(title: String, header: [String], rows: [[String]]) -> Node {
        el("table", .class("table chart-table")) {
            el("caption") { title }
            el("thead") { el("tr") { for cell in header { el("th", Attribute("scope", "col")) { cell } } } }
            el("tbody") {
                for row in rows {
                    el("tr") {
                        for (index, cell) in row.enumerated() {
                            if index == 0 { el("th", Attribute("scope", "row")) { cell } } else { el("td", .class("num")) { cell } }
                        }
                    }
                }
            }
        }
    }

    static func fmt(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
