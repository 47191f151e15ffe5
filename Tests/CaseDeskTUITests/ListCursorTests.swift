@testable import CaseDeskTUI
import Testing

@Suite("The list cursor: one way every list moves")
struct ListCursorTests {
    /// 25 items, 10 rows in view: a page is 9 items.
    func drawn(count: Int = 25, height: Int = 10) -> ListCursor {
        var cursor = ListCursor(count: count)
        cursor.height = height
        return cursor
    }

    func press(_ cursor: inout ListCursor, _ actions: KeyAction...) {
        for action in actions {
            let moved = cursor.perform(action)
            #expect(moved, "\(action) moves in a list")
        }
    }

    @Test func movesByItemPageAndEndWithoutWrappingAround() {
        var cursor = drawn()
        press(&cursor, .moveUp)
        #expect(cursor.selected == 0, "Up on the first item stays there")
        press(&cursor, .moveDown, .moveDown)
        #expect(cursor.selected == 2)
        press(&cursor, .pageDown)
        #expect(cursor.selected == 11, "a page is the height less one")
        press(&cursor, .bottom)
        #expect(cursor.selected == 24)
        press(&cursor, .moveDown, .pageDown)
        #expect(cursor.selected == 24, "Down and PgDn on the last item stay there")
        press(&cursor, .pageUp)
        #expect(cursor.selected == 15)
        press(&cursor, .pageUp, .pageUp)
        #expect(cursor.selected == 0, "PgUp stops at the first item")
        press(&cursor, .pageDown, .pageDown, .pageDown, .pageDown)
        #expect(cursor.selected == 24, "PgDn stops at the last item")
        press(&cursor, .top)
        #expect(cursor.selected == 0)
    }

    @Test func keepsTheSelectionInViewScrollingAsLittleAsItCan() {
        var cursor = drawn()
        #expect(cursor.top == 0 && cursor.visibleRows == 0..<10)
        press(&cursor, .moveDown, .moveDown, .moveDown, .moveDown, .moveDown, .moveDown, .moveDown, .moveDown, .moveDown)
        #expect(cursor.selected == 9 && cursor.top == 0, "the last row in view is still in view")
        press(&cursor, .moveDown)
        #expect(cursor.selected == 10 && cursor.top == 1)
        press(&cursor, .bottom)
        #expect(cursor.top == 15 && cursor.visibleRows == 15..<25, "the last page ends on the last item")
        press(&cursor, .moveUp, .moveUp, .moveUp, .moveUp, .moveUp)
        #expect(cursor.selected == 19 && cursor.top == 15, "moving within the page does not scroll")
        cursor.selected = 14
        #expect(cursor.top == 14)
        cursor.height = 3
        #expect(cursor.top == 14 && cursor.visibleRows == 14..<17)
        cursor.selected = 20
        cursor.height = 10
        #expect(cursor.top == 15, "a taller view shows the last page whole")
    }

    @Test func clampsTheSelectionAndScrollWhenTheListShrinks() {
        var cursor = drawn()
        press(&cursor, .bottom)
        cursor.count = 12
        #expect(cursor.selected == 11 && cursor.top == 2 && cursor.visibleRows == 2..<12)
        cursor.count = 4
        #expect(cursor.selected == 3 && cursor.top == 0 && cursor.visibleRows == 0..<4)
        cursor.count = 0
        #expect(cursor.selected == 0 && cursor.top == 0 && cursor.selectedRow == nil && cursor.visibleRows.isEmpty)
        press(&cursor, .moveDown, .pageDown, .bottom, .moveUp)
        #expect(cursor.selected == 0, "an empty list has nothing to move to")
        cursor.count = 30
        #expect(cursor.selected == 0 && cursor.selectedRow == 0)
        cursor.selected = 40
        #expect(cursor.selected == 29 && cursor.top == 20)
    }

    @Test func leavesEveryOtherActionToTheList() {
        var cursor = drawn()
        cursor.selected = 12
        let before = cursor
        for action: KeyAction in [.open, .submit, .cancel, .toggle, .back, .insert, .cursorHome, .cursorEnd, .search] {
            let moved = cursor.perform(action)
            #expect(!moved, "\(action) is not a move")
        }
        #expect(cursor == before)
    }

    @Test func beforeItIsDrawnNothingScrollsAndAPageIsTenItems() {
        var cursor = ListCursor(count: 40, selected: 25)
        #expect(cursor.selected == 25 && cursor.top == 0 && cursor.visibleRows == 0..<40)
        press(&cursor, .pageDown)
        #expect(cursor.selected == 35 && cursor.top == 0)
        cursor.height = 16
        #expect(cursor.top == 20, "drawn: scrolled just enough to show the selection")
        #expect(ListCursor(count: 3, selected: 7).selected == 2)
        #expect(ListCursor(count: 3, selected: -2).selected == 0)
    }

    /// Two respondents: heading on row 0, cases on rows 1 and 2; a blank row, heading on row 4, cases on rows 5 and 6.
    @Test func aListWithHeadingsKeepsTheHeadingAboveItsFirstItem() {
        var cursor = ListCursor(spans: [0...1, 2...2, 4...5, 6...6])
        cursor.height = 2
        #expect(cursor.rowCount == 7 && cursor.count == 4)
        #expect(cursor.selectedRow == 1 && cursor.visibleRows == 0..<2, "the first heading and the first case")
        press(&cursor, .moveDown)
        #expect(cursor.selectedRow == 2 && cursor.top == 1)
        press(&cursor, .moveDown)
        #expect(cursor.selectedRow == 5 && cursor.visibleRows == 4..<6, "the second heading comes into view with its first case")
        press(&cursor, .moveDown, .moveDown)
        #expect(cursor.selected == 3 && cursor.selectedRow == 6 && cursor.visibleRows == 5..<7, "no wrap-around")
        press(&cursor, .moveUp)
        #expect(cursor.selectedRow == 5 && cursor.visibleRows == 4..<6, "scrolling up shows the heading too")
        press(&cursor, .moveUp)
        #expect(cursor.selectedRow == 2 && cursor.visibleRows == 2..<4)
        press(&cursor, .top)
        #expect(cursor.selectedRow == 1 && cursor.visibleRows == 0..<2)
        press(&cursor, .bottom)
        #expect(cursor.selectedRow == 6 && cursor.visibleRows == 5..<7)
        cursor.height = 1
        #expect(cursor.visibleRows == 6..<7, "a heading that does not fit gives way to the selected row")
        press(&cursor, .moveUp)
        #expect(cursor.visibleRows == 5..<6)
    }
}
