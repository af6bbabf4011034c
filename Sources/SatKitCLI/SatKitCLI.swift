import Foundation
import SatKit

@main
enum SatKitCLI {
    static func main() {
        print("satkit 0.1.0")
    }
}
