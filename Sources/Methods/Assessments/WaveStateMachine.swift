// The life of an assessment wave: draft → collecting → reconciling → published, and what each state allows.
// Plain Swift, no database: the routes ask it before every change and store what it answers.

/// Where a wave is in its life.
public enum WaveState: String, Codable, CaseIterable, Sendable {
    /// Being set up: details, services, URLs.
    case draft
    /// Researchers record URLs and answer the questionnaire, each on their own.
    case collecting
    /// A third researcher or staff member settles where the two researchers differ.
    case reconciling
    /// Scored and stored as an edition; never changes again.
    case published
}

/// A step from one state to the next; the raw value is what the wave page's buttons send.
public enum WaveTransition: String, CaseIterable, Sendable {
    case startCollecting = "collect"
    case startReconciling = "reconcile"
    case publish

    /// The state the step starts from and the one it leads to.
    public var edge: (from: WaveState, to: WaveState) {
        switch self {
        case .startCollecting: (.draft, .collecting)
        case .startReconciling: (.collecting, .reconciling)
        case .publish: (.reconciling, .published)
        }
    }
}

/// Things people do to a wave; each is allowed in some states only.
public enum WaveActivity: Sendable, CaseIterable {
    /// Name, country, level, dates, method version.
    case editDetails
    /// Add services from a template country.
    case copyServices
    /// Applicable, proactive, government level of the wave's services.
    case editServices
    /// Add or remove the URLs assessed for a service.
    case editURLs
    /// Answer the questionnaire for a URL.
    case answer
    /// Choose the value of a disagreement.
    case reconcile

    /// The states in which the activity is allowed.
    public var states: Set<WaveState> {
        switch self {
        case .editDetails: [.draft, .collecting, .reconciling]
        case .copyServices: [.draft]
        case .editServices, .editURLs: [.draft, .collecting]
        case .answer: [.collecting]
        case .reconcile: [.reconciling]
        }
    }
}

/// What the rules need to know about a wave's content to let it move on.
public struct WaveReadiness: Sendable, Equatable {
    /// Applicable services of the wave.
    public var applicableServices = 0
    /// URLs recorded for applicable services.
    public var urls = 0
    /// URLs of applicable services that do not have two researchers' answers yet.
    public var urlsLackingAnswers = 0
    /// Disagreements (URL × question) without a reconciled value.
    public var unresolvedDisagreements = 0

    public init(applicableServices: Int = 0, urls: Int = 0, urlsLackingAnswers: Int = 0, unresolvedDisagreements: Int = 0) {
        self.applicableServices = applicableServices
        self.urls = urls
        self.urlsLackingAnswers = urlsLackingAnswers
        self.unresolvedDisagreements = unresolvedDisagreements
    }
}

/// Why a wave may not do something; `published` means the wave is immutable.
public enum WaveRefusal: Error, Equatable, Sendable {
    case published
    case notAllowed(activity: String, state: WaveState)
    case wrongState(transition: WaveTransition, state: WaveState)
    case noApplicableService
    case noURL
    case urlsLackingAnswers(Int)
    case unresolvedDisagreements(Int)
}

public enum WaveStateMachine {
    /// The state after `transition`, or why the wave cannot take it.
    public static func apply(_ transition: WaveTransition, to state: WaveState, readiness: WaveReadiness) -> Result<WaveState, WaveRefusal> {
        if state == .published { return .failure(.published) }
        guard transition.edge.from == state else { return .failure(.wrongState(transition: transition, state: state)) }
        switch transition {
        case .startCollecting:
            if readiness.applicableServices == 0 { return .failure(.noApplicableService) }
        case .startReconciling:
            if readiness.applicableServices == 0 { return .failure(.noApplicableService) }
            if readiness.urls == 0 { return .failure(.noURL) }
            if readiness.urlsLackingAnswers > 0 { return .failure(.urlsLackingAnswers(readiness.urlsLackingAnswers)) }
        case .publish:
            if readiness.unresolvedDisagreements > 0 { return .failure(.unresolvedDisagreements(readiness.unresolvedDisagreements)) }
        }
        return .success(transition.edge.to)
    }

    /// Whether `activity` may happen in `state`; a published wave allows nothing.
    public static func check(_ activity: WaveActivity, in state: WaveState) -> Result<Void, WaveRefusal> {
        if state == .published { return .failure(.published) }
        guard activity.states.contains(state) else { return .failure(.notAllowed(activity: "\(activity)", state: state)) }
        return .success(())
    }

    /// The transitions that lead on from `state` (at most one: the states form a line).
    public static func next(from state: WaveState) -> WaveTransition? {
        WaveTransition.allCases.first { $0.edge.from == state }
    }
}
