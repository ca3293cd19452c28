import Foundation
import FuzzTargets

// libFuzzer's driver when built by Scripts/fuzz.sh (-sanitize=fuzzer -DCIVGRID_FUZZ); a corpus replayer otherwise.
#if CIVGRID_FUZZ
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("FuzzDates_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var c = argc, v = argv
    return LLVMFuzzerRunDriver(&c, &v) { data, size in
        FuzzTargets.dates(data.map { Data(bytes: $0, count: size) } ?? Data())
        return 0
    }
}
#else
@main
struct FuzzDatesMain {
    static func main() { exit(FuzzReplay.main("FuzzDates", FuzzTargets.dates)) }
}
#endif
