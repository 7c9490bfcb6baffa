/// One side of a unit as Unicode scalars, each marked with what cmark-gfm made
/// of it (`UnitSyntax.Region`): running text, code, a link destination, a URL,
/// an e-mail address, markup or a tag. Every scalar keeps its UTF-8 offset in
/// the side's text. The typography and literal rules read text through it so
/// they never look inside code or URLs.
public struct ProseText: Hashable, Sendable {
    /// The side's Unicode scalars.
    public let scalars: [Unicode.Scalar]
    /// The UTF-8 offset of each scalar, then the length of the text.
    public let offsets: [Int]
    /// What each scalar belongs to.
    public let regions: [UnitSyntax.Region]

    init(_ syntax: UnitSyntax) { self.init(syntax, from: 0) }

    /// The side from byte `start` (a scalar boundary) on; offsets stay those of the whole side.
    init(_ syntax: UnitSyntax, from start: Int) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var regions: [UnitSyntax.Region] = []
        scalars.reserveCapacity(syntax.bytes.count)
        offsets.reserveCapacity(syntax.bytes.count + 1)
        regions.reserveCapacity(syntax.bytes.count)
        var offset = start
        for scalar in String(decoding: syntax.bytes[start...], as: UTF8.self).unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            regions.append(offset < syntax.regions.count ? syntax.regions[offset] : .prose)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.scalars = scalars
        self.offsets = offsets
        self.regions = regions
    }

    /// The number of scalars.
    public var count: Int { scalars.count }

    /// The scalar at `i`, or nil outside the text.
    public subscript(i: Int) -> Unicode.Scalar? { i >= 0 && i < scalars.count ? scalars[i] : nil }

    /// The offset of the first character that is not blank, where a finding about the whole text points.
    public var firstVisibleOffset: Int {
        offsets[scalars.firstIndex { !$0.properties.isWhitespace } ?? 0]
    }

    /// Whether the scalar at `i` is prose (not code, markup or a link destination).
    public func isProse(_ i: Int) -> Bool { i >= 0 && i < regions.count && regions[i] == .prose }

    /// Running text or the markup around it (emphasis markers, link brackets).
    public func isText(_ i: Int) -> Bool { i >= 0 && i < regions.count && (regions[i] == .prose || regions[i] == .markup) }

    /// The scalars in `range` as a string.
    public func text(_ range: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[max(0, range.lowerBound)..<min(scalars.count, max(range.lowerBound, range.upperBound))])
        return String(s)
    }
}
