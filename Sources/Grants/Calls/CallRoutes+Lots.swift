// CallRoutes: creating and editing the lots of a call.
import Kernel
import Network
import DesignSystem
import Fluent
import Foundation
import Localization
import Methods
import Vapor

extension CallRoutes {
    // MARK: lots

    static func decodeLot(_ request: Request) -> LotInput {
        var input = LotInput()
        input.code = field(request, "code").trimmingCharacters(in: .whitespaces).lowercased()
        input.position = field(request, "position")
        for locale in contentLocales {
            input.titles[locale.rawValue] = String(field(request, "title_\(locale.rawValue)").trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        }
        input.envelope = field(request, "envelope")
        input.minimum = field(request, "minimum")
        input.maximum = field(request, "maximum")
        input.duration = field(request, "duration")
        input.coFinancing = field(request, "co_financing")
        input.countries = Set(request.formValues("countries")).intersection(regionCountries)
        input.kinds = Set(request.formValues("kinds")).intersection(OrganisationKind.allCases.map(\.rawValue))
        input.results = String(field(request, "results").prefix(20_000))
        input.minimumResults = field(request, "minimum_results")
        input.criteria = String(field(request, "criteria").prefix(20_000))
        input.maxGrants = field(request, "max_grants")
        input.maxPerCountry = field(request, "max_per_country")
        input.tranches = field(request, "tranches")
        input.reallocation = field(request, "reallocation")
        input.version = request.formVersion()
        return input
    }

    static func input(of lot: GrantLot, currency: Grants.Currency, locale: AppLocale) -> LotInput {
        let amountLocale = GrantsPages.amountLocale(locale)
        func money(_ minor: Int64) -> String { Grants.MoneyFormatter.format(Grants.Money(minorUnits: minor, currency: currency), locale: amountLocale) }
        var input = LotInput()
        input.code = lot.code
        input.position = String(lot.position)
        input.titles = lot.title.values
        input.envelope = lot.envelopeMinor.map(money) ?? ""
        input.minimum = money(lot.minAmountMinor)
        input.maximum = money(lot.maxAmountMinor)
        input.duration = String(lot.durationMonths)
        input.coFinancing = percent(lot.minCoFinancingBasisPoints)
        input.countries = Set(lot.eligibleCountries)
        input.kinds = Set(lot.applicantKinds)
        input.results = lot.resultsMenu.map { option in
            ([option.id] + contentLocales.map { option.title.values[$0.rawValue] ?? "" }).joined(separator: " | ")
        }.joined(separator: "\n")
        input.minimumResults = String(lot.minimumResults)
        input.criteria = lot.criteria.map { criterion in
            ([criterion.id, String(criterion.weight), String(criterion.maxScore)] + contentLocales.map { criterion.title.values[$0.rawValue] ?? "" }).joined(separator: " | ")
        }.joined(separator: "\n")
        input.maxGrants = lot.maxGrants.map(String.init) ?? ""
        input.maxPerCountry = lot.maxGrantsPerCountry.map(String.init) ?? ""
        input.tranches = lot.trancheShares.map { percent($0.value) }.joined(separator: "; ")
        input.reallocation = percent(lot.reallocationBasisPoints)
        input.version = lot.version
        return input
    }

    /// Basis points as the percentage a person types: 1000 → "10", 1250 → "12.5", 1205 → "12.05".
    static func percent(_ basisPoints: Int64) -> String { GrantsMessages.trimmedDecimal(Grants.Ratio(basisPoints, 100)) }

    static func titles(_ cells: ArraySlice<Substring>) -> LocalizedText {
        var title = LocalizedText()
        for (locale, cell) in zip(contentLocales, cells) { title[locale] = String(cell).trimmingCharacters(in: .whitespaces) }
        return title
    }

    /// A percentage typed as "10", "12.5" or "12,5" in basis points, or nil.
    static func basisPoints(_ text: String) -> Int64? {
        let cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: ",", with: ".")
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count <= 3, let whole = Int64(parts[0]), (0...100).contains(whole) else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isNumber), let value = Int64(parts[1]) else { return nil }
            fraction = parts[1].count == 1 ? value * 10 : value
        }
        return whole * 100 + fraction
    }

    /// Checks the typed lot against the rules (alone and as part of the call) and writes it into `lot`.
    static func apply(_ input: LotInput, to lot: GrantLot, call: GrantCall, currency: Grants.Currency, creating: Bool, request: Request) async throws -> [FieldError] {
        let t = request.t
        let amountLocale = GrantsPages.amountLocale(request.appLocale)
        var errors: [FieldError] = []
        if creating {
            if !GrantRegisterQuery.isCode(input.code) {
                errors.append(FieldError(field: "code", message: t("grants.callform.error.code")))
            } else if try await GrantLot.query(on: request.db).filter(\.$callID == call.requireID()).filter(\.$code == input.code).count() > 0 {
                errors.append(FieldError(field: "code", message: t("grants.callform.error.code_taken")))
            }
        }
        let position = Int(input.position.trimmingCharacters(in: .whitespaces)).flatMap { (1...99).contains($0) ? $0 : nil }
        if position == nil { errors.append(FieldError(field: "position", message: t("grants.lotform.error.position"))) }
        if (input.titles["en"] ?? "").isEmpty { errors.append(FieldError(field: "title_en", message: t("grants.callform.error.title"))) }
        func money(_ text: String, _ name: String, optional: Bool = false) -> Grants.Money?? {
            if optional && text.trimmingCharacters(in: .whitespaces).isEmpty { return .some(nil) }
            switch Grants.MoneyParser.parse(text, locale: amountLocale, currency: currency) {
            case let .success(value): return .some(value)
            case let .failure(error):
                errors.append(FieldError(field: name, message: GrantsMessages.text(error, t: t, locale: request.appLocale)))
                return nil
            }
        }
        let envelope = money(input.envelope, "envelope", optional: true)
        let minimum = money(input.minimum, "minimum")
        let maximum = money(input.maximum, "maximum")
        let duration = Int(input.duration.trimmingCharacters(in: .whitespaces)).flatMap { (1...120).contains($0) ? $0 : nil }
        if duration == nil { errors.append(FieldError(field: "duration", message: t("grants.lotform.error.duration"))) }
        let coFinancing = basisPoints(input.coFinancing)
        if coFinancing == nil || coFinancing! > 10_000 { errors.append(FieldError(field: "co_financing", message: t("grants.lotform.error.percent"))) }
        if input.countries.isEmpty { errors.append(FieldError(field: "countries[]", message: t("grants.lotform.error.countries"))) }
        if input.kinds.isEmpty { errors.append(FieldError(field: "kinds[]", message: t("grants.lotform.error.kinds"))) }
        var results: [GrantResultOption] = []
        for (index, line) in input.results.split(whereSeparator: \.isNewline).enumerated() where !line.allSatisfy(\.isWhitespace) {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
            let id = cells[0].trimmingCharacters(in: .whitespaces)
            if !GrantRegisterQuery.isCode(id) || cells.count < 2 || cells[1].allSatisfy(\.isWhitespace) {
                errors.append(FieldError(field: "results", message: t("grants.lotform.error.results_line", ["line": t.integer(index + 1)])))
                continue
            }
            results.append(GrantResultOption(id: id, title: titles(cells.dropFirst())))
        }
        let minimumResults = Int(input.minimumResults.trimmingCharacters(in: .whitespaces)).flatMap { (0...50).contains($0) ? $0 : nil }
        if minimumResults == nil { errors.append(FieldError(field: "minimum_results", message: t("grants.lotform.error.minimum_results"))) }
        var criteria: [GrantCriterion] = []
        for (index, line) in input.criteria.split(whereSeparator: \.isNewline).enumerated() where !line.allSatisfy(\.isWhitespace) {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
            let id = cells[0].trimmingCharacters(in: .whitespaces)
            guard cells.count >= 4, GrantRegisterQuery.isCode(id), let weight = Int64(cells[1].trimmingCharacters(in: .whitespaces)), (1...100).contains(weight),
                  let maxScore = Int64(cells[2].trimmingCharacters(in: .whitespaces)), (1...100).contains(maxScore), !cells[3].allSatisfy(\.isWhitespace) else {
                errors.append(FieldError(field: "criteria", message: t("grants.lotform.error.criteria_line", ["line": t.integer(index + 1)])))
                continue
            }
            criteria.append(GrantCriterion(id: id, title: titles(cells.dropFirst(3)), weight: weight, maxScore: maxScore))
        }
        let maxGrants = input.maxGrants.trimmingCharacters(in: .whitespaces).isEmpty ? Optional<Int?>.some(nil) : Int(input.maxGrants.trimmingCharacters(in: .whitespaces)).flatMap { $0 > 0 ? .some($0) : nil }
        if maxGrants == nil { errors.append(FieldError(field: "max_grants", message: t("grants.lotform.error.count"))) }
        let maxPerCountry = input.maxPerCountry.trimmingCharacters(in: .whitespaces).isEmpty ? Optional<Int?>.some(nil) : Int(input.maxPerCountry.trimmingCharacters(in: .whitespaces)).flatMap { $0 > 0 ? .some($0) : nil }
        if maxPerCountry == nil { errors.append(FieldError(field: "max_per_country", message: t("grants.lotform.error.count"))) }
        let reallocation = basisPoints(input.reallocation)
        if reallocation == nil || reallocation! > 10_000 { errors.append(FieldError(field: "reallocation", message: t("grants.lotform.error.percent"))) }
        let shares = input.tranches.split(separator: ";").map { basisPoints(String($0)) }
        if shares.isEmpty || shares.contains(where: { $0 == nil }) {
            errors.append(FieldError(field: "tranches", message: t("grants.lotform.error.tranches")))
        } else if case let .failure(problem) = Grants.tranches(of: Grants.Money(minorUnits: 100_000, currency: currency), shares: shares.map { Grants.BasisPoints($0!) }) {
            errors.append(FieldError(field: "tranches", message: GrantsMessages.text(problem, t: t, locale: request.appLocale)))
        }
        guard errors.isEmpty, let position, case let .some(envelope) = envelope, case let .some(minimum?) = minimum, case let .some(maximum?) = maximum,
              let duration, let coFinancing, let reallocation, let minimumResults, case let .some(maxGrants) = maxGrants, case let .some(maxPerCountry) = maxPerCountry else { return errors }
        let candidate = GrantLot()
        candidate.code = creating ? input.code : lot.code
        candidate.position = position
        candidate.title = titles(contentLocales.map { Substring(input.titles[$0.rawValue] ?? "") }[...])
        candidate.envelopeMinor = envelope?.minorUnits
        candidate.minAmountMinor = minimum.minorUnits
        candidate.maxAmountMinor = maximum.minorUnits
        candidate.durationMonths = duration
        candidate.minCoFinancingBasisPoints = coFinancing
        candidate.eligibleCountries = regionCountries.filter(input.countries.contains)
        candidate.applicantKinds = OrganisationKind.allCases.map(\.rawValue).filter(input.kinds.contains)
        candidate.resultsMenu = results
        candidate.minimumResults = minimumResults
        candidate.criteria = criteria
        candidate.maxGrants = maxGrants
        candidate.maxGrantsPerCountry = maxPerCountry
        candidate.trancheCodes = shares.map { String($0!) }.joined(separator: ";")
        candidate.reallocationBasisPoints = reallocation
        // The lot must be sound as a call of its own: weights sum to 100, amounts in order, and so on.
        let rules = Grants.Call(
            id: call.code, title: call.code, lots: [candidate.rules(currency: currency)],
            criteria: criteria.map { Grants.Criterion(id: $0.id, title: $0.id, weight: $0.weight, maxScore: $0.maxScore) }, window: call.window,
            minimumReviews: call.minimumReviews, spreadThreshold: Grants.Ratio(Int64(call.spreadThreshold)), appealPeriodDays: call.appealDays)
        for problem in rules.problems {
            errors.append(FieldError(field: lotField(of: problem), message: GrantsMessages.text(problem, t: t, locale: request.appLocale)))
        }
        guard errors.isEmpty else { return errors }
        if !creating, try await frozen(lot, on: request.db), rulesDiffer(lot, candidate) {
            return [FieldError(field: "minimum", message: t("grants.lotform.error.frozen"))]
        }
        if creating { lot.code = candidate.code }
        lot.position = candidate.position
        lot.titleJSON = candidate.titleJSON
        lot.envelopeMinor = candidate.envelopeMinor
        lot.minAmountMinor = candidate.minAmountMinor
        lot.maxAmountMinor = candidate.maxAmountMinor
        lot.durationMonths = candidate.durationMonths
        lot.minCoFinancingBasisPoints = candidate.minCoFinancingBasisPoints
        lot.eligibleCountryCodes = candidate.eligibleCountryCodes
        lot.applicantKindCodes = candidate.applicantKindCodes
        lot.resultsMenuJSON = candidate.resultsMenuJSON
        lot.minimumResults = candidate.minimumResults
        lot.criteriaJSON = candidate.criteriaJSON
        lot.maxGrants = candidate.maxGrants
        lot.maxGrantsPerCountry = candidate.maxGrantsPerCountry
        lot.trancheCodes = candidate.trancheCodes
        lot.reallocationBasisPoints = candidate.reallocationBasisPoints
        return []
    }

    struct LotFrozen: Error {}

    static func lotField(of problem: Grants.CallProblem) -> String {
        switch problem {
        case .noCriteria, .duplicateCriterion, .invalidCriterion, .weightsDoNotSumTo100: "criteria"
        case .lotResultsMenuInvalid: "results"
        case .lotDurationInvalid: "duration"
        case .lotCoFinancingInvalid: "co_financing"
        case .lotEligibilityEmpty: "countries[]"
        default: "minimum"
        }
    }

    /// Whether applications were submitted to the lot: its rules can no longer change.
    static func frozen(_ lot: GrantLot, on database: Database) async throws -> Bool {
        try await GrantApplication.query(on: database).filter(\.$lotID == lot.requireID()).filter(\.$submittedAt != nil).count() > 0
    }

    static func rulesDiffer(_ a: GrantLot, _ b: GrantLot) -> Bool {
        a.envelopeMinor != b.envelopeMinor || a.minAmountMinor != b.minAmountMinor || a.maxAmountMinor != b.maxAmountMinor
            || a.durationMonths != b.durationMonths || a.minCoFinancingBasisPoints != b.minCoFinancingBasisPoints
            || a.eligibleCountryCodes != b.eligibleCountryCodes || a.applicantKindCodes != b.applicantKindCodes
            || a.resultsMenu.map(\.id) != b.resultsMenu.map(\.id) || a.minimumResults != b.minimumResults
            || a.criteria.map { "\($0.id) \($0.weight) \($0.maxScore)" } != b.criteria.map { "\($0.id) \($0.weight) \($0.maxScore)" }
            || a.maxGrants != b.maxGrants || a.maxGrantsPerCountry != b.maxGrantsPerCountry || a.trancheCodes != b.trancheCodes
    }

    struct LotAudit: Encodable {
        var code: String
        var rules: String
        init(_ lot: GrantLot) {
            code = lot.code
            rules = "\(lot.minAmountMinor)-\(lot.maxAmountMinor) env=\(lot.envelopeMinor.map(String.init) ?? "-") months=\(lot.durationMonths) cofin=\(lot.minCoFinancingBasisPoints)bp "
                + "countries=\(lot.eligibleCountryCodes) kinds=\(lot.applicantKindCodes) results=\(lot.resultsMenu.map(\.id).joined(separator: ",")) min=\(lot.minimumResults) "
                + "criteria=\(lot.criteria.map { "\($0.id):\($0.weight)/\($0.maxScore)" }.joined(separator: ",")) tranches=\(lot.trancheCodes)"
        }
    }

    static func lotPage(_ request: Request, _ input: LotInput, call: GrantCall, lot: GrantLot?, errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        var frozen = false
        if let lot { frozen = try await Self.frozen(lot, on: request.db) }
        return .html(CallPages.lotForm(input, call: call, lot: lot, frozen: frozen, currency: try await currency(of: call, on: request.db), errors: errors,
                                       context: context(request)), status: status)
    }

    static func currency(of call: GrantCall, on database: Database) async throws -> Grants.Currency {
        try await GrantProgramme.find(call.programmeID, on: database)?.currency ?? .eur
    }

    @Sendable static func newLot(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        let call = try await call(request)
        var input = LotInput()
        input.position = String(try await GrantLot.query(on: request.db).filter(\.$callID == call.requireID()).count() + 1)
        input.countries = Set(GrantsSeed.countries)
        input.kinds = ["cso"]
        return try await lotPage(request, input, call: call, lot: nil, errors: [])
    }

    @Sendable static func createLot(request: Request) async throws -> Response {
        let user = try request.requireStaff()
        let call = try await call(request)
        let input = decodeLot(request)
        let lot = GrantLot()
        lot.callID = try call.requireID()
        lot.version = 0
        let errors = try await apply(input, to: lot, call: call, currency: try await currency(of: call, on: request.db), creating: true, request: request)
        guard errors.isEmpty else { return try await lotPage(request, input, call: call, lot: nil, errors: errors, status: .unprocessableEntity) }
        try await request.db.transaction { database in
            try await lot.save(on: database)
            try await Audit.record(on: database, actor: user, action: "grants.lot.create", targetType: "grant_call", targetID: call.id?.uuidString, after: LotAudit(lot))
        }
        request.flash(.success, request.t("grants.lotform.saved", ["code": lot.code]))
        return .seeOther(request.localLink(GrantsURL.editCall(call.code)))
    }

    static func lot(_ request: Request, of call: GrantCall) async throws -> GrantLot {
        guard let code = request.parameters.get("lot"), GrantRegisterQuery.isCode(code),
              let lot = try await GrantLot.query(on: request.db).filter(\.$callID == call.requireID()).filter(\.$code == code).first() else { throw Abort(.notFound) }
        return lot
    }

    @Sendable static func editLot(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        let call = try await call(request)
        let lot = try await lot(request, of: call)
        return try await lotPage(request, input(of: lot, currency: try await currency(of: call, on: request.db), locale: request.appLocale), call: call, lot: lot, errors: [])
    }

    @Sendable static func updateLot(request: Request) async throws -> Response {
        let user = try request.requireStaff()
        let call = try await call(request)
        let lot = try await lot(request, of: call)
        var input = decodeLot(request)
        input.code = lot.code
        let before = LotAudit(lot)
        let errors = try await apply(input, to: lot, call: call, currency: try await currency(of: call, on: request.db), creating: false, request: request)
        guard errors.isEmpty else {
            let frozenRefusal = errors.contains { $0.message == request.t("grants.lotform.error.frozen") }
            return try await lotPage(request, input, call: call, lot: lot, errors: errors, status: frozenRefusal ? .conflict : .unprocessableEntity)
        }
        do {
            let expected = input.version
            guard let original = try await GrantLot.find(lot.id, on: request.db) else { throw Abort(.notFound) }
            try await request.db.transaction { database in
                try await GuardedRecords.claim(GrantLot.schema, id: lot.requireID(), expectedVersion: expected, on: database)
                // Checked again inside the write: an application submitted meanwhile freezes the rules.
                if try await frozen(lot, on: database), rulesDiffer(original, lot) { throw LotFrozen() }
                lot.version = expected + 1
                try await lot.save(on: database)
                try await Audit.record(on: database, actor: user, action: "grants.lot.update", targetType: "grant_call", targetID: call.id?.uuidString,
                                       before: before, after: LotAudit(lot))
            }
        } catch is RecordChanged {
            var stale = input
            stale.version = try await GrantLot.find(lot.id, on: request.db)?.version ?? input.version
            return try await lotPage(request, stale, call: call, lot: lot, errors: [FieldError(field: "title_en", message: request.t("grants.callform.error.changed"))], status: .conflict)
        } catch is LotFrozen {
            return try await lotPage(request, input, call: call, lot: lot, errors: [FieldError(field: "minimum", message: request.t("grants.lotform.error.frozen"))], status: .conflict)
        }
        request.flash(.success, request.t("grants.lotform.saved", ["code": lot.code]))
        return .seeOther(request.localLink(GrantsURL.editCall(call.code)))
    }
}
