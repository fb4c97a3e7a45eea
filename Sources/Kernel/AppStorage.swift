// Platform-wide values kept on the application (a feature keeps its own under its own storage key).
import Vapor

package struct IcedaStorage: Sendable {
    package var config: AppConfig
    package let metrics: RequestMetrics
    package let stylesheet: String
    package let autosaveScript: String
    /// A hash checked when an e-mail has no account, so both cases take the same time.
    package let dummyPasswordHash: String

    package init(config: AppConfig, metrics: RequestMetrics, stylesheet: String, autosaveScript: String, dummyPasswordHash: String) {
        self.config = config
        self.metrics = metrics
        self.stylesheet = stylesheet
        self.autosaveScript = autosaveScript
        self.dummyPasswordHash = dummyPasswordHash
    }
}

package struct IcedaStorageKey: StorageKey { package typealias Value = IcedaStorage 
    package init() {}
}

extension Application {
    package var iceda: IcedaStorage {
        get { storage[IcedaStorageKey.self]! }
        set { storage[IcedaStorageKey.self] = newValue }
    }
}
