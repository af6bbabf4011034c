#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

/// The C library's elementary functions under one name, so that files which need only one
/// or two of them need not repeat the platform import.
enum ElementaryFunctions {
    @inline(__always) static func log(_ x: Double) -> Double { libm_log(x) }
    @inline(__always) static func exp(_ x: Double) -> Double { libm_exp(x) }
    @inline(__always) static func pow(_ x: Double, _ y: Double) -> Double { libm_pow(x, y) }
    @inline(__always) static func cos(_ x: Double) -> Double { libm_cos(x) }
    @inline(__always) static func acos(_ x: Double) -> Double { libm_acos(x) }
}

@inline(__always) private func libm_log(_ x: Double) -> Double { log(x) }
@inline(__always) private func libm_exp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func libm_pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inline(__always) private func libm_cos(_ x: Double) -> Double { cos(x) }
@inline(__always) private func libm_acos(_ x: Double) -> Double { acos(x) }
