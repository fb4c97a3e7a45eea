// The envelope of every paged API list: the items of one page, the page, its size and the total.
import Vapor

package struct PageDTO<Item: Content>: Content {
    package var items: [Item]
    package var page: Int
    package var perPage: Int
    package var total: Int
    package init(items: [Item], page: Int, perPage: Int, total: Int) {
        self.items = items
        self.page = page
        self.perPage = perPage
        self.total = total
    }
}
