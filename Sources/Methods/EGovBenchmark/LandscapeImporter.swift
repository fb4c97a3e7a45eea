extension EGovBenchmark {
    /// Reads the input files into the dataset (importer internals).
    enum Importer {
        /// Reads a landscape file: one row per service with its flags.
        static func landscape(_ reader: TableReader, scope: ServiceScope,
                              report: inout ImportReport) throws(ImportError) -> [ServiceKey: LandscapeService] {
            let country = try reader.column("Country")
            let event = try reader.column("Life event")
            let label = try reader.column("Label service", "Service")
            let type = try reader.column("Service type", "Type")
            let applicable = try reader.column("Applicable")
            let proactive = try reader.column("Proactive")
            let level = try reader.column("Government level")
            let year = reader.optionalColumn("Year data collection")
            var rows = RowReading(reader: reader, report: report)
            defer { report = rows.report }
            var services: [ServiceKey: LandscapeService] = [:]
            for record in reader.table.records {
                let f = record.fields
                let lifeEvent = try rows.lifeEvent(record, column: event)
                let key = ServiceKey(country: try rows.country(record, column: country), lifeEvent: lifeEvent,
                                     number: try rows.serviceNumber(record, column: label))
                guard let serviceType = ServiceType(name: f[type]) else {
                    throw reader.error(record, .unknownServiceType, "unknown service type '\(f[type])'")
                }
                if let first = services[key] {
                    throw reader.error(record, .duplicateService, "service \(key) already listed at line \(first.line)")
                }
                rows.checkYear(record, column: year, event: lifeEvent)
                for flag in [f[applicable], f[proactive]] where flag != "Yes" && flag != "No" {
                    rows.report.add(.flagNonCanonical, in: reader.file)
                }
                if !["Central", "Regional", "Local"].contains(f[level]) {
                    rows.report.add(.governmentLevelNonCanonical, in: reader.file)
                }
                let flags = ServiceFlags(type: serviceType,
                                         applicable: f[applicable].trimmed.lowercased() == "yes",
                                         proactive: f[proactive].trimmed.lowercased() == "yes",
                                         level: GovernmentLevel(name: f[level]))
                services[key] = LandscapeService(key: key, scope: scope, label: f[label].trimmed, flags: flags,
                                                 line: record.line)
            }
            return services
        }
    }
}
