import GridCore
import Testing
import TerminalKit
@testable import GridUI

/// The browser's `a` and `e`: a form over the selected node whose Enter asks for a master-data effect, checked first
/// with GridCore's rules (errors in the form, no effect), and refused to anyone but an admin.
@Suite("Browser: master-data form")
struct MasterDataFormTests {
    static let office = NodeRef(node: .office(1), name: "城关县三创办", path: "")
    static let street = NodeRef(node: .street(7), name: "城关镇", path: "城关县三创办")

    static func browser(role: OperatorRole = .admin, unit: Bool = false) -> AppState {
        var s = UIFixture.state(role: role)
        s.screen = .browser
        let streets = BrowserLevel(parent: office, items: [
            BrowserItem(ref: street, node: .street, counts: StatusCounts(), hasChildren: true),
            BrowserItem(ref: NodeRef(node: .street(8), name: "经济技术开发区管委会", path: ""), node: .street, counts: StatusCounts(), hasChildren: true),
        ])
        s.browser = [BrowserLevel(parent: nil, items: [BrowserItem(ref: office, node: .office, counts: StatusCounts(), hasChildren: true)]), streets]
        if unit {
            let u = ResponsibleUnit(id: 3, officeID: 1, name: "县住房和城乡建设局", kind: .department,
                                    head: Contact(name: "欧阳建华", phone: "13957612345"), liaison: Contact(name: "李", phone: ""))
            let link = ChainLink(assignment: Assignment(id: 1, communityID: 1, unitID: 3, role: .lead, propertyID: nil, validFrom: UIFixture.today),
                                 unit: u, property: nil)
            s.browser.append(BrowserLevel(parent: NodeRef(node: .community(1), name: "阳光小区", path: ""), items: [
                BrowserItem(ref: NodeRef(node: .unit(3), name: u.name, path: ""), node: .unit(link), counts: nil, hasChildren: true),
            ]))
        }
        return s
    }

    @Test("a on a street opens the add-community form; Enter asks for the effect with the typed name, kind and site")
    func addCommunity() {
        var s = Self.browser()
        #expect(UIFixture.press(&s, [.char("a")]).isEmpty)
        guard case .masterDataForm(let form)? = s.overlay else { Issue.record("no form"); return }
        #expect(form.target == .addCommunity(street: Self.street))
        let typed = "滨江壹号院".map { Key.char($0) } + [.tab] + Array(repeating: Key.backspace, count: 4) + "学校".map { .char($0) }
            + [.tab] + "４２".map { .char($0) }
        #expect(UIFixture.press(&s, typed).isEmpty)
        let effects = UIFixture.press(&s, [.enter])
        #expect(effects == [.saveMasterData(.addCommunity(streetID: 7, name: "滨江壹号院", kind: "学校", site: 42))])
        guard case .masterDataForm(let saving)? = s.overlay else { Issue.record("form closed before the answer"); return }
        #expect(saving.saving)
        // The service's refusal lands in the form, which stays open for a correction.
        _ = Reducer.reduce(&s, .masterDataRefused("小区 “滨江壹号院” (#12) already exists in 城关镇"))
        guard case .masterDataForm(let refused)? = s.overlay else { Issue.record("form closed on a refusal"); return }
        #expect(refused.error?.contains("already exists") == true && !refused.saving)
        // A save closes it and reloads the board (and the browser it came from).
        let reload = Reducer.reduce(&s, .masterDataSaved(summary: "已新增 城关镇/滨江壹号院"))
        #expect(s.overlay == nil)
        #expect(reload.contains { if case .loadBrowser = $0 { true } else { false } })
        #expect(reload.contains { if case .loadBoard = $0 { true } else { false } })
    }

    @Test("a on an office adds a street")
    func addStreet() {
        var s = Self.browser()
        s.browser.removeLast()
        let effects = UIFixture.press(&s, [.char("a")] + "高新技术产业开发区".map { .char($0) } + [.enter])
        #expect(effects == [.saveMasterData(.addStreet(officeID: 1, name: "高新技术产业开发区"))])
    }

    @Test("e on a unit edits it prefilled; phones are put in their stored form before the effect")
    func editUnit() {
        var s = Self.browser(unit: true)
        _ = UIFixture.press(&s, [.char("e")])
        guard case .masterDataForm(let form)? = s.overlay else { Issue.record("no form"); return }
        #expect(form.fields.map(\.text) == ["县住房和城乡建设局", "部门", "欧阳建华", "13957612345", "李", ""])
        let effects = UIFixture.press(&s, [.tab, .tab, .tab, .tab, .tab] + "(0576)87781234".map { .char($0) } + [.enter])
        #expect(effects == [.saveMasterData(.editUnit(id: 3, UnitEdit(name: "县住房和城乡建设局", kind: "部门", head: "欧阳建华",
                                                                       headPhone: "13957612345", liaison: "李", liaisonPhone: "0576-87781234")))])
    }

    @Test("a bad phone, an empty name or a control character is shown in the form and asks for nothing",
          arguments: [["e"], ["a"], ["a", "\u{202E}"]])
    func invalidInputStaysInForm(script: [String]) {
        var s = Self.browser(unit: script == ["e"])
        var keys: [Key] = [.char(Character(script[0]))]
        if script == ["e"] { keys += [.tab, .tab, .tab, .tab, .tab] + "12345".map { .char($0) } }
        if script.count > 1 { keys += ["阳", "光"].map { .char($0) } + [.char("\u{202E}")] }
        #expect(UIFixture.press(&s, keys + [.enter]).isEmpty)
        guard case .masterDataForm(let form)? = s.overlay else { Issue.record("form closed"); return }
        #expect(form.error?.isEmpty == false)
        #expect(!form.saving)
    }

    @Test("viewers, clerks and inspectors get a refusal naming who may; no form opens", arguments: [OperatorRole.viewer, .clerk, .inspector])
    func onlyAdmins(role: OperatorRole) {
        for key in ["a", "e"] {
            var s = Self.browser(role: role)
            #expect(UIFixture.press(&s, [.char(Character(key))]).isEmpty)
            #expect(s.overlay == nil)
            #expect(s.message?.isError == true && s.message?.text.contains("管理员") == true)
        }
    }

    @Test("a and e are listed in the browser's help, generated from its bindings")
    func inHelp() {
        let s = Self.browser()
        let keys = Bindings.on(.browser, s).map(\.keyLabel)
        #expect(keys.contains("a") && keys.contains("e"))
    }
}
