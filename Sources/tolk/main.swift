import TolkKit
import Foundation
let p = ArticleParser()
for path in CommandLine.arguments.dropFirst() {
    do { let a = try p.parse(contentsOf: path); print(a.units.count, a.target.procedures.count) } catch { print(error) }
}
