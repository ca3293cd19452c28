// The civgrid executable: everything lives in GridApp; this file only hands over the arguments.
import Foundation
import GridApp

exit(CivgridMain.run(Array(CommandLine.arguments.dropFirst())))
