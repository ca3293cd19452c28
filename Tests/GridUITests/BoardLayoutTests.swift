import Testing
@testable import GridUI

/// The board's columns follow TerminalKit's one `ColumnRule`: minimums, the street dropped first, then growth in
/// the documented order (name, street, cells).
@Suite("Board layout")
struct BoardLayoutTests {
    @Test("the demo county's eleven themes at the snapshot sizes",
          arguments: [(40, 10, 0, 3, 9), (80, 19, 0, 6, 10), (120, 30, 16, 6, 12), (200, 30, 16, 10, 15)])
    func sizes(width: Int, name: Int, street: Int, cell: Int, visible: Int) {
        let layout = BoardLayout(width: width, themes: 11)
        #expect(layout.nameWidth == name)
        #expect(layout.streetWidth == street)
        #expect(layout.cellWidth == cell)
        #expect(layout.visibleColumns == visible)
        #expect(layout.narrow == (width < 60))
    }

    @Test("every width and theme count: minimums kept, nothing drawn past the edge")
    func everyWidth() {
        for width in 40...240 {
            for themes in 1...24 {
                let layout = BoardLayout(width: width, themes: themes)
                #expect(layout.nameWidth >= (width < 60 ? 10 : 16))
                #expect(layout.streetWidth == 0 || layout.streetWidth >= 10)
                #expect(layout.firstCellX + min(layout.visibleColumns, themes) * layout.cellWidth <= width)
                // The street goes before any theme scrolls out of view.
                if layout.streetWidth > 0 { #expect(layout.firstCellX + themes * layout.cellWidth <= width) }
            }
        }
    }
}
