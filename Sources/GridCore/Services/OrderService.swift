extension GridServices {
    /// Sets (or, with nil, clears) the office order number of a street or community (admins only, audited):
    /// listings then put it by that number, before every unnumbered one, which stay in pinyin order. Returns
    /// the audit entry, or nothing when the order was already so.
    public func setOrder(_ node: GridNode, to order: Int?, context: ChangeContext) throws(GridError) -> [AuditEntry] {
        let entity: AuditEntity
        let communityID: RowID?
        switch node {
        case .street: (entity, communityID) = (.street, nil)
        case .community(let id): (entity, communityID) = (.community, id)
        default:
            throw .invalidInput("only streets and communities have an office order; \(node.levelZH) #\(node.id) has none")
        }
        return try run(context) { ws in
            try Policy.authorize(ws.actor, .editMasterData, on: "the order of \(node.levelZH) #\(node.id)")
            guard let current = try ws.tx.officeOrder(of: node) else {
                throw GridError.notFound("no \(node.levelZH) #\(node.id); `civgrid tree` lists streets and communities")
            }
            ws.aim(.node(node))
            if let order { try OfficeOrder.check(order, what: current.name) }
            guard current.order != order else { return [] }
            let entry = AuditEntry(entity: entity, entityID: "\(node.id)", communityID: communityID, field: "office_order",
                                   oldValue: current.order.map(String.init), newValue: order.map(String.init),
                                   note: order.map { "\(current.name): 排序 \($0)" } ?? "\(current.name): 排序 cleared (pinyin order)")
            ws.order(OrderFact(node: node, order: order), audit: entry)
            return [entry]
        }
    }
}
