/// What rules may consult besides the article: the configuration.
public struct CheckContext: Sendable {
    public var configuration: CheckConfiguration

    public init(configuration: CheckConfiguration = CheckConfiguration()) {
        self.configuration = configuration
    }
}
